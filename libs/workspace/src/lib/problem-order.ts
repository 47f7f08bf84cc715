import type { WorkspaceProblem } from '@koers/domain';

/** Problems in reading order: by file, then line (file-level problems first); stable otherwise. */
export function sortProblems(problems: readonly WorkspaceProblem[]): WorkspaceProblem[] {
  return [...problems].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0),
  );
}
