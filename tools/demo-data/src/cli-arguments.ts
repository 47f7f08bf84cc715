/** What `demo-data` was asked to do. */
export type DemoDataCommand =
  | { readonly kind: 'demo'; readonly out: string }
  | { readonly kind: 'bench'; readonly out: string; readonly rows: number; readonly indicators: number; readonly format: 'parquet' | 'csv' }
  | { readonly kind: 'help' };

/** Usage text, printed by `--help` and after a wrong argument. */
export const usage = `Usage: npm run demo-data -- [options]

  --demo                 write the data files of the demo workspaces (the default)
  --out DIR              output folder (default data/demo with --demo)
  --rows N               make a benchmark workspace whose event source has N rows (needs --out)
  --indicators M         number of indicators in the benchmark workspace (default 8)
  --format parquet|csv   file format of the benchmark event source (default parquet)
  --help                 show this text

Examples:
  npm run demo-data                                   # regenerate data/demo/*/data
  npm run demo-data -- --out /tmp/bench --rows 10000000 --indicators 20`;

function positiveInteger(flag: string, text: string | undefined): number {
  // Allow 10_000_000 and 1e7 style input; reject anything that is not a whole positive number.
  const value = Number(text?.replaceAll('_', ''));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag} needs a positive whole number, got "${text ?? ''}"`);
  return value;
}

/** Parses the command line (without `node` and the script); throws an Error whose message says what to fix. */
export function parseArguments(argv: readonly string[]): DemoDataCommand {
  let out: string | undefined;
  let rows: number | undefined;
  let indicators: number | undefined;
  let format: 'parquet' | 'csv' = 'parquet';
  let isDemo = false;
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    const value = () => {
      const next = argv[++index];
      if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--help' || flag === '-h') return { kind: 'help' };
    else if (flag === '--demo') isDemo = true;
    else if (flag === '--out') out = value();
    else if (flag === '--rows') rows = positiveInteger('--rows', value());
    else if (flag === '--indicators') indicators = positiveInteger('--indicators', value());
    else if (flag === '--format') {
      const text = value();
      if (text !== 'parquet' && text !== 'csv') throw new Error(`--format must be parquet or csv, got "${text}"`);
      format = text;
    } else throw new Error(`unknown argument "${flag}"`);
  }
  if (rows === undefined) {
    if (indicators !== undefined) throw new Error('--indicators only goes with --rows (a benchmark workspace)');
    return { kind: 'demo', out: out ?? 'data/demo' };
  }
  if (isDemo) throw new Error('--demo and --rows exclude each other: the demo data has a fixed size');
  if (out === undefined) throw new Error('--rows needs --out DIR: where to write the benchmark workspace');
  return { kind: 'bench', out, rows, indicators: indicators ?? 8, format };
}
