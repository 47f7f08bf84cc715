import { parseArgs } from 'node:util';

/** What one benchmark run does; every field has a default and can be set from the command line or the environment. */
export interface BenchOptions {
  /** Rows in the main event source (`--rows N` or `KOERS_BENCH_ROWS`; default 10 000 000). */
  readonly rows: number;
  /** Indicators in the generated workspace (`--indicators M`; default 50). */
  readonly indicators: number;
  /** Timed runs of each side after the warm-up (`--runs K`; default 3, at least 3). */
  readonly runs: number;
  /** DuckDB `memory_limit` of the engine's database (`--memory-limit`; default 4GB). */
  readonly memoryLimit: string;
  /** DuckDB `threads` of the engine's database (`--threads`; default 2, the cores of the CI machine). */
  readonly threads: number;
  /** Keep the generated workspace instead of deleting it (`--keep`). */
  readonly keep: boolean;
}

/** The usage text of `npm run bench:kpi -- --help`. */
export const usage = `npm run bench:kpi -- [--rows N] [--indicators M] [--runs K] [--memory-limit 4GB] [--threads 2] [--keep]

  --rows N          rows in the event source (default 10000000; env KOERS_BENCH_ROWS)
  --indicators M    indicators in the workspace (default 50)
  --runs K          timed runs per side after one warm-up, median taken (default 3, minimum 3)
  --memory-limit L  DuckDB memory_limit of the engine (default 4GB)
  --threads T       DuckDB threads of the engine (default 2)
  --keep            keep the generated workspace and print where it is`;

/**
 * Reads the options from `argv` (without node and script) and `env`, with
 * `node:util`'s `parseArgs`. Underscores are allowed in numbers (`--rows 1_000_000`).
 *
 * @throws Error naming the flag and what it needs, for an unknown flag or a bad value.
 */
export function parseBenchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      help: { type: 'boolean', short: 'h' },
      rows: { type: 'string' },
      indicators: { type: 'string' },
      runs: { type: 'string' },
      'memory-limit': { type: 'string', default: '4GB' },
      threads: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  if (values.help === true) return 'help';
  const rowsText = values.rows ?? env['KOERS_BENCH_ROWS'];
  return {
    rows: rowsText === undefined ? 10_000_000 : count(values.rows === undefined ? 'KOERS_BENCH_ROWS' : '--rows', rowsText),
    indicators: values.indicators === undefined ? 50 : count('--indicators', values.indicators),
    runs: values.runs === undefined ? 3 : Math.max(3, count('--runs', values.runs)),
    memoryLimit: values['memory-limit'],
    threads: values.threads === undefined ? 2 : count('--threads', values.threads),
    keep: values.keep,
  };
}

function count(name: string, text: string): number {
  const number = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(number) || number < 1)
    throw new Error(`${name} must be a positive whole number, not "${text}"`);
  return number;
}
