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
 * Reads the options from `argv` (without node and script) and `env`.
 * Underscores are allowed in numbers (`--rows 1_000_000`).
 *
 * @throws Error naming the flag and what it needs, for an unknown flag or a bad value.
 */
export function parseBenchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions | 'help' {
  const options = {
    rows: env['KOERS_BENCH_ROWS'] === undefined ? 10_000_000 : count('KOERS_BENCH_ROWS', env['KOERS_BENCH_ROWS']),
    indicators: 50,
    runs: 3,
    memoryLimit: '4GB',
    threads: 2,
    keep: false,
  };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index] ?? '';
    const value = () => {
      const next = argv[++index];
      if (next === undefined) throw new Error(`${flag} needs a value (see --help)`);
      return next;
    };
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--rows':
        options.rows = count(flag, value());
        break;
      case '--indicators':
        options.indicators = count(flag, value());
        break;
      case '--runs':
        options.runs = Math.max(3, count(flag, value()));
        break;
      case '--memory-limit':
        options.memoryLimit = value();
        break;
      case '--threads':
        options.threads = count(flag, value());
        break;
      case '--keep':
        options.keep = true;
        break;
      default:
        throw new Error(`unknown option "${flag}": see --help`);
    }
  }
  return options;
}

function count(name: string, text: string): number {
  const number = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(number) || number < 1)
    throw new Error(`${name} must be a positive whole number, not "${text}"`);
  return number;
}
