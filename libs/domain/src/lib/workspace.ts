import type { IndicatorDefinition } from './indicator.schema';
import { escapeControlCharacters } from './printable-text';
import type { Program } from './program.schema';
import type { SourceDefinition } from './source.schema';

/** A municipality's indicator workspace, read and checked (WORKSPACE-FORMAT.md). */
export interface Workspace {
  /** Absolute path of the workspace folder. */
  readonly root: string;
  /** The municipality's name from `koers.yaml`, or the folder name. */
  readonly municipality: string;
  readonly sources: readonly SourceDefinition[];
  readonly indicators: readonly IndicatorDefinition[];
  readonly programs: readonly Program[];
}

/** One thing wrong in a workspace: where, and what to do about it. */
export interface WorkspaceProblem {
  /** Path relative to the workspace, with `/` separators (for example `indicators/broken.yaml`). */
  readonly file: string;
  /** 1-based line in the file, where there is one. */
  readonly line?: number;
  /** Field path inside the file (for example `tasks[0].actions[1].kind`), where there is one. */
  readonly field?: string;
  readonly message: string;
}

/**
 * `file:line: field: message`, as `koers check` prints a problem: always one
 * line, with control characters in the file name, field and message escaped
 * ({@link escapeControlCharacters}), since all three can come from the files.
 */
export function formatProblem(problem: WorkspaceProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const field = problem.field ? `${problem.field}: ` : '';
  return escapeControlCharacters(`${where}: ${field}${problem.message}`);
}
