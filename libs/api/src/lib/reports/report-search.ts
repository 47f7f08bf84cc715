import type { ReportQuestion, ReportSearchHit, ReportSnapshot } from '@koers/domain';

/** The most hits one search returns. */
export const maxSearchHits = 50;

/** Text as a search compares it: lower case, without accents (`Financiën` matches `financien`). */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/**
 * Everything in the given reports that contains every word of `query`:
 * programs, effects, indicators, actions, explanations, commentary, motions
 * and the council's questions with their answers. Newest report first, in
 * the order the report reads; at most {@link maxSearchHits}.
 */
export function searchReports(
  reports: readonly { readonly snapshot: ReportSnapshot; readonly questions: readonly ReportQuestion[] }[],
  query: string,
): ReportSearchHit[] {
  const words = searchable(query).split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0) return [];
  const hits: ReportSearchHit[] = [];
  const consider = (snapshot: ReportSnapshot, itemKind: ReportSearchHit['itemKind'], itemId: string, title: string, texts: readonly (string | null | undefined)[]) => {
    const present = texts.filter((text): text is string => typeof text === 'string' && text !== '');
    const all = searchable([title, ...present].join('\n'));
    if (!words.every((word) => all.includes(word))) return;
    const matching = [title, ...present].find((text) => searchable(text).includes(words[0] ?? '')) ?? title;
    hits.push({ quarter: snapshot.quarter, version: snapshot.version, itemKind, itemId, title, excerpt: excerptAround(matching, words[0] ?? '') });
  };
  for (const { snapshot, questions } of [...reports].sort((left, right) => right.snapshot.quarter.localeCompare(left.snapshot.quarter))) {
    for (const program of snapshot.programs) {
      consider(snapshot, 'program', program.id, program.title, [program.department, ...program.portfolioHolders]);
      for (const effect of program.effects) {
        consider(snapshot, 'effect', effect.id, effect.title, [effect.description]);
        consider(snapshot, 'explanation', effect.id, effect.title, effect.explanation === null ? [] : [effect.explanation.cause, effect.explanation.consequence, effect.explanation.correction]);
        consider(snapshot, 'commentary', effect.id, effect.title, effect.commentary === null ? [] : [effect.commentary.text]);
      }
      for (const action of program.tasks.flatMap((task) => task.actions)) {
        consider(snapshot, 'action', action.id, action.title, [action.owner, action.progress?.comment]);
        consider(snapshot, 'explanation', action.id, action.title, action.explanation === null ? [] : [action.explanation.cause, action.explanation.consequence, action.explanation.correction]);
      }
    }
    for (const indicator of snapshot.indicators) consider(snapshot, 'indicator', indicator.id, indicator.title, [indicator.unit]);
    for (const motion of snapshot.motions) consider(snapshot, 'motion', motion.id, `${motion.reference} ${motion.title}`, [motion.text, ...motion.points.flatMap((point) => [point.text, point.response])]);
    for (const question of questions) consider(snapshot, 'question', question.id, question.itemTitle, [question.question, question.answer?.text]);
  }
  // The explanation and commentary rows repeat their item's title: drop those that matched on the title alone.
  const titleOnly = new Set(hits.filter((hit) => hit.itemKind !== 'explanation' && hit.itemKind !== 'commentary').map((hit) => `${hit.quarter}:${hit.itemId}:${hit.excerpt}`));
  return hits.filter((hit) => !((hit.itemKind === 'explanation' || hit.itemKind === 'commentary') && titleOnly.has(`${hit.quarter}:${hit.itemId}:${hit.excerpt}`))).slice(0, maxSearchHits);
}

/** About 160 characters of `text` around the first place `word` stands, with an ellipsis where it was cut. */
function excerptAround(text: string, word: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const at = Math.max(0, searchable(flat).indexOf(word));
  const start = Math.max(0, at - 60);
  const end = Math.min(flat.length, at + 100);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}
