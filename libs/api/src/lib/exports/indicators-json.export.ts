import type { IndicatorProblem, IndicatorResult, StoredIndicator } from '@koers/domain';

/** What `koers compute --json` prints (WORKSPACE-FORMAT.md), as the server answers it from what is stored. */
export interface IndicatorsExport {
  readonly indicators: readonly IndicatorResult[];
  readonly errors: readonly { readonly file: string; readonly message: string }[];
}

/**
 * The contract's JSON from the stored results: every indicator that has
 * values, in workspace order, with the contract's keys in the contract's
 * order and numbers as stored (full precision); under `errors` the problems of
 * the latest computation (files left out, sources that did not load) and of
 * every indicator it failed on, each once, with its line at the start of the
 * message as the CLI writes it.
 */
export function buildIndicatorsExport(stored: readonly StoredIndicator[], computationProblems: readonly IndicatorProblem[]): IndicatorsExport {
  const indicators = stored.flatMap(({ report }) => {
    if (report === null) return [];
    const { id, status, latest, target, values, breakdown } = report;
    return [{ id, status, latest, target, values, breakdown }];
  });
  const seen = new Set<string>();
  const errors = [...computationProblems, ...stored.flatMap((item) => (item.problem === null ? [] : [item.problem]))].flatMap((problem) => {
    const error = { file: problem.file, message: problem.line === undefined ? problem.message : `line ${problem.line}: ${problem.message}` };
    const key = `${error.file}\u0000${error.message}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [error];
  });
  return { indicators, errors };
}
