import type { WorkspaceProblem } from '@koers/domain';
import type { EngineError } from '@koers/kpi';

/** An engine error as a workspace problem (its message already starts with the field). */
export function problemOf(error: EngineError): WorkspaceProblem {
  return { file: error.file, message: error.message, ...(error.line === undefined ? {} : { line: error.line }) };
}

/**
 * The contract's `{ file, message }`, the line (where there is one) and the
 * field at the start of the message. Nothing is escaped here: JSON escapes
 * control characters itself, and the file must stay the file's real name.
 */
export function contractErrorOf(problem: WorkspaceProblem): { file: string; message: string } {
  const line = problem.line === undefined ? '' : `line ${problem.line}: `;
  const field = problem.field ? `${problem.field}: ` : '';
  return { file: problem.file, message: `${line}${field}${problem.message}` };
}
