import type { DraftProblem } from '@koers/domain';

/** The form's fields that problems can stand beside, by the field path the loader and the engine use. */
export const formFields = [
  'id',
  'title',
  'description',
  'unit',
  'direction',
  'grain',
  'source',
  'time',
  'measure',
  'filter',
  'per.source',
  'per.time',
  'per.measure',
  'per.scale',
  'dimensions',
  'baseline',
  'targets',
  'tolerance',
  'decimals',
  'link',
] as const;
export type FormField = (typeof formFields)[number];

/** Where a problem's field stands in the form: `targets.2025` beside the targets, `dimensions[1]` beside the dimensions. */
export function formFieldOf(field: string | undefined): FormField | null {
  if (field === undefined || field === '') return null;
  const exact = formFields.find((candidate) => candidate === field);
  if (exact !== undefined) return exact;
  if (field === 'per') return 'per.source';
  return formFields.find((candidate) => field.startsWith(`${candidate}.`) || field.startsWith(`${candidate}[`)) ?? null;
}

/** Problems grouped by the form field they stand beside; those with no field of the form under `null`. */
export function problemsByField(problems: readonly DraftProblem[]): Map<FormField | null, DraftProblem[]> {
  const grouped = new Map<FormField | null, DraftProblem[]>();
  for (const problem of problems) {
    const field = formFieldOf(problem.field);
    grouped.set(field, [...(grouped.get(field) ?? []), problem]);
  }
  return grouped;
}

/** A problem as one Dutch line: the hint first, where there is one, then the engine's own words. */
export function problemText(problem: DraftProblem): string {
  const where = problem.line === undefined ? '' : ` (regel ${problem.line})`;
  const message = problem.field !== undefined && problem.message.startsWith(`${problem.field}: `) ? problem.message.slice(problem.field.length + 2) : problem.message;
  return problem.hint === undefined ? `${message}${where}` : `${problem.hint} Melding: ${message}${where}`;
}
