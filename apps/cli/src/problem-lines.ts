import { formatProblem, type WorkspaceProblem } from '@koers/domain';
import type { EngineError } from '@koers/kpi';

/** An engine error as a workspace problem (its message already starts with the field). */
export function problemOf(error: EngineError): WorkspaceProblem {
  return { file: error.file, message: error.message, ...(error.line === undefined ? {} : { line: error.line }) };
}

/** The contract's `{ file, message }`, the line (where there is one) at the start of the message. */
export function contractErrorOf(problem: WorkspaceProblem): { file: string; message: string } {
  const where = formatProblem(problem);
  return { file: problem.file, message: where.slice(problem.file.length).replace(/^:(\d+): /, 'line $1: ').replace(/^: /, '') };
}
