import { type ParseArgsConfig, parseArgs } from 'node:util';

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

/** The options, as `node:util` `parseArgs` reads them. */
const options = {
  demo: { type: 'boolean' },
  out: { type: 'string' },
  rows: { type: 'string' },
  indicators: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

function isKnown(name: string): name is keyof typeof options {
  return name in options;
}

/**
 * Reads the options, in our own words when one is wrong. `parseArgs` runs
 * non-strict so that what it would refuse becomes a token we can name; it
 * also takes `--rows -3` as a value, which then gets the message about numbers.
 */
function readOptions(argv: readonly string[]) {
  const { values, tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional') throw new Error(`unknown argument "${token.value}"`);
    if (token.kind !== 'option') continue;
    if (!isKnown(token.name)) throw new Error(`unknown argument "${token.rawName}"`);
    if (options[token.name].type === 'boolean') {
      if (token.value !== undefined) throw new Error(`${token.rawName} takes no value`);
    } else if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) {
      throw new Error(`${token.rawName} needs a value`);
    }
  }
  const text = (name: 'out' | 'rows' | 'indicators' | 'format') => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  return { isHelp: values.help === true, isDemo: values.demo === true, out: text('out'), rows: text('rows'), indicators: text('indicators'), format: text('format') };
}

/** Parses the command line (without `node` and the script); throws an Error whose message says what to fix. */
export function parseArguments(argv: readonly string[]): DemoDataCommand {
  const given = readOptions(argv);
  if (given.isHelp) return { kind: 'help' };
  const format = given.format ?? 'parquet';
  if (format !== 'parquet' && format !== 'csv') throw new Error(`--format must be parquet or csv, got "${format}"`);
  const rows = given.rows === undefined ? undefined : positiveInteger('--rows', given.rows);
  const indicators = given.indicators === undefined ? undefined : positiveInteger('--indicators', given.indicators);
  if (rows === undefined) {
    if (indicators !== undefined) throw new Error('--indicators only goes with --rows (a benchmark workspace)');
    return { kind: 'demo', out: given.out ?? 'data/demo' };
  }
  if (given.isDemo) throw new Error('--demo and --rows exclude each other: the demo data has a fixed size');
  if (given.out === undefined) throw new Error('--rows needs --out DIR: where to write the benchmark workspace');
  return { kind: 'bench', out: given.out, rows, indicators: indicators ?? 8, format };
}
