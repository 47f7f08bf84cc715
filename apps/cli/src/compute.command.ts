import type { IndicatorResult } from '@koers/domain';
import { renderTable } from './table.renderer';
import { withWorkspace } from './workspace-session';

/** What `koers compute --json` prints (WORKSPACE-FORMAT.md). */
export interface ComputeOutput {
  readonly indicators: readonly IndicatorResult[];
  readonly errors: ReadonlyArray<{ readonly file: string; readonly message: string }>;
}

/**
 * `koers compute DIR [--json]`: computes every indicator that can be; the
 * broken ones (and broken sources, and problems in the YAML) go under
 * `errors`. With `--json` stdout holds only the JSON.
 * @returns the exit code: 0 when there are no errors, 1 when there are, 2 for a bound in the environment that cannot be read.
 */
export function runCompute(dir: string, isJson: boolean, write: (text: string) => void): Promise<number> {
  return withWorkspace(dir, async (session) => {
    // Imported here, not above: the domain's schemas then load after the engine's process has started.
    const { contractErrorOf, problemOf } = await import('./problem-lines');
    const outcome = await session.engine.computeAll();
    const output: ComputeOutput = {
      indicators: outcome.indicators,
      errors: [...session.problems, ...outcome.errors.map(problemOf)].map(contractErrorOf),
    };
    if (isJson) {
      write(`${JSON.stringify(output, null, 2)}\n`);
    } else {
      const titles = new Map(session.workspace.indicators.map((indicator) => [indicator.id, indicator]));
      write(renderTable(output, titles));
    }
    return output.errors.length === 0 ? 0 : 1;
  });
}
