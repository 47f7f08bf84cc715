import type { DraftProblem, EditorChoices, IndicatorDraft, IndicatorProblem } from '@koers/domain';

/**
 * The Dutch hint beside a field of the indicator form: what to write
 * instead, where the engine's or the loader's message (English, as `koers
 * check` prints it) allows telling. Columns and sources come from the pick
 * lists, so a hint can name what is there to choose.
 */
export function withHint(problem: IndicatorProblem, draft: IndicatorDraft, choices: EditorChoices | null): DraftProblem {
  const hint = hintFor(problem, draft, choices);
  return hint === undefined ? problem : { ...problem, hint };
}

const expressionHints: Readonly<Record<string, string>> = {
  measure: 'Schrijf één SQL-expressie die over de rijen van de bron telt of optelt, zoals count(*) of sum(inwoners).',
  filter: "Schrijf één voorwaarde op de kolommen van de bron, zoals soort = 'winkeldiefstal'.",
  'per.measure': 'Schrijf één SQL-expressie over de noemerbron, zoals sum(inwoners).',
};

const guardWords = /not allowed|is never closed|closes nothing|write one SQL expression|calling |statement|subquer|table function|read_|copy|attach|pragma|install|parser|syntax error/i;

function hintFor(problem: IndicatorProblem, draft: IndicatorDraft, choices: EditorChoices | null): string | undefined {
  const field = problem.field ?? '';
  const message = problem.message;
  const sourceId = field.startsWith('per.') ? draft.per?.source : draft.source;
  const source = choices?.sources.find((candidate) => candidate.id === sourceId);
  const columnList = (columns: readonly { name: string }[]): string => columns.map((column) => column.name).join(', ');

  if (/is required but missing|must be a non-empty|must say what the value counts|must name a/i.test(message) && !/column/i.test(message)) {
    return 'Vul dit veld in.';
  }
  if (field === 'measure' || field === 'filter' || field === 'per.measure') {
    if (/column|not found|does not have a column|referenced/i.test(message) && source !== undefined && !guardWords.test(message)) {
      return `Deze kolom bestaat niet in bron "${source.id}". Kies uit: ${columnList(source.columns)}.`;
    }
    if (guardWords.test(message)) {
      return `${expressionHints[field] ?? ''} Bestanden lezen, tabelfuncties en opdrachten als COPY of DROP zijn niet toegestaan.`.trim();
    }
    return expressionHints[field];
  }
  if (field === 'time' || field === 'per.time' || field.startsWith('dimensions')) {
    if (/not a date or timestamp/i.test(message)) {
      const dates = source?.columns.filter((column) => /^(DATE|TIMESTAMP)/i.test(column.type)) ?? [];
      return dates.length > 0 ? `Kies een kolom met een datum: ${columnList(dates)}.` : 'Kies een kolom met een datum, of declareer de kolom als date in de bron.';
    }
    if (source !== undefined) return `Kies een kolom van bron "${source.id}": ${columnList(source.columns)}.`;
  }
  if (field === 'source' || field === 'per.source') {
    const ids = choices?.sources.map((candidate) => candidate.id) ?? [];
    return ids.length > 0 ? `Kies een bron uit de lijst: ${ids.join(', ')}.` : 'Kies een bron van de gemeente.';
  }
  if (field.startsWith('targets')) return 'Schrijf per kalenderjaar van vier cijfers (zoals 2025) een getal als streefwaarde.';
  if (field === 'baseline.period') return 'Schrijf een periode: een jaar (2025), een kwartaal (2025-Q1) of een maand (2025-03).';
  if (field === 'baseline.value' || field === 'per.scale') return 'Schrijf een getal, zoals 1000.';
  if (field === 'grain') return 'Kies maand, kwartaal of jaar.';
  if (field === 'direction') return 'Kies "lager is beter" of "hoger is beter".';
  if (field === 'tolerance') return 'Schrijf een getal van 0 of meer, zoals 0,1 voor 10%.';
  if (field === 'decimals') return 'Schrijf een heel getal van 0 tot en met 10.';
  if (field === 'id') return 'Begin met een kleine letter; gebruik daarna alleen a-z, 0-9, "-" en "_" (zoals fietsendiefstallen).';
  return undefined;
}
