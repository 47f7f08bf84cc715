import { identifierPattern, type MotionInput, type MotionKind } from '@koers/domain';

/** One numbered point as the college types it: its text and, where given, the program it concerns. */
export interface PointDraft {
  readonly text: string;
  /** Empty for no program. */
  readonly programId: string;
}

/** A new motion or commitment as the form holds it, before it is checked. */
export interface MotionDraft {
  readonly kind: MotionKind;
  readonly reference: string;
  readonly title: string;
  /** `YYYY-MM-DD`, as a date field gives it; empty until chosen. */
  readonly adoptedOn: string;
  readonly text: string;
  readonly points: readonly PointDraft[];
}

/** A field of the form, for a problem to stand beside: `points.<index>` for a point. */
export type MotionField = 'reference' | 'title' | 'adoptedOn' | `points.${number}`;

export interface MotionProblem {
  readonly field: MotionField;
  readonly message: string;
}

export const emptyMotionDraft: MotionDraft = { kind: 'motion', reference: '', title: '', adoptedOn: '', text: '', points: [{ text: '', programId: '' }] };

/**
 * The id a motion is stored under, from its kind and reference: `motie-m2026-07`
 * for motion "M2026-07", `toezegging-t12` for commitment "T12". Stable, so the
 * same reference is the same motion.
 */
export function motionIdOf(kind: MotionKind, reference: string): string {
  const slug = reference
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${kind === 'motion' ? 'motie' : 'toezegging'}-${slug}`;
}

/**
 * What is wrong with the draft, each beside its field and saying what to do;
 * empty when it can be sent. The server checks the same again (and the links).
 */
export function motionDraftProblems(draft: MotionDraft, existingIds: readonly string[]): MotionProblem[] {
  const problems: MotionProblem[] = [];
  const reference = draft.reference.trim();
  if (reference === '') problems.push({ field: 'reference', message: 'Vul het kenmerk in, zoals de raad het noemt (bijvoorbeeld M2026-07).' });
  else if (!identifierPattern.test(motionIdOf(draft.kind, reference)) || motionIdOf(draft.kind, reference).endsWith('-')) {
    problems.push({ field: 'reference', message: 'Het kenmerk moet ten minste een letter of cijfer bevatten.' });
  } else if (existingIds.includes(motionIdOf(draft.kind, reference))) {
    problems.push({ field: 'reference', message: `Er is al een ${draft.kind === 'motion' ? 'motie' : 'toezegging'} met kenmerk ${reference}.` });
  }
  if (draft.title.trim() === '') problems.push({ field: 'title', message: 'Vul een titel in.' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.adoptedOn)) problems.push({ field: 'adoptedOn', message: 'Kies de datum waarop de raad haar aannam (of het college haar deed).' });
  draft.points.forEach((point, index) => {
    if (point.text.trim() === '') problems.push({ field: `points.${index}`, message: `Schrijf de tekst van punt ${index + 1}, of verwijder het.` });
  });
  return problems;
}

/** The motion as `motions.save` takes it: points numbered from 1 in the order they stand. */
export function motionInputOf(draft: MotionDraft): MotionInput {
  const text = draft.text.trim();
  return {
    id: motionIdOf(draft.kind, draft.reference.trim()),
    kind: draft.kind,
    reference: draft.reference.trim(),
    title: draft.title.trim(),
    adoptedOn: draft.adoptedOn,
    ...(text === '' ? {} : { text }),
    points: draft.points.map((point, index) => ({
      number: index + 1,
      text: point.text.trim(),
      links: point.programId === '' ? [] : [{ programId: point.programId }],
    })),
  };
}
