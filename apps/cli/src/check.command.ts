import { formatProblem, type WorkspaceProblem } from '@koers/domain';
import { problemOf } from './problem-lines';
import { withWorkspace } from './workspace-session';

/**
 * `koers check DIR`: every problem of the workspace, one `path: message` line
 * each, on stdout: first what the YAML shows, then what only loading the
 * sources shows, then what only binding the indicators in DuckDB shows.
 * @returns the exit code: 0 clean, 1 not, 2 for a bound in the environment that cannot be read.
 */
export function runCheck(dir: string, write: (text: string) => void): Promise<number> {
  return withWorkspace(dir, async (session) => {
    const problems: WorkspaceProblem[] = [
      ...session.problems,
      ...session.load.errors.map(problemOf),
      ...(await session.engine.check()).map(problemOf),
    ];
    for (const problem of problems) write(`${formatProblem(problem)}\n`);
    return problems.length === 0 ? 0 : 1;
  });
}
