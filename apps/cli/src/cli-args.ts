import { type ParseArgsConfig, parseArgs } from 'node:util';

/** The commands `koers` knows. */
export const commands = ['check', 'compute'] as const;
export type Command = (typeof commands)[number];

/** A parsed command line. */
export type ParsedArgs =
  | { readonly kind: 'help'; readonly command?: Command }
  | { readonly kind: 'run'; readonly command: Command; readonly dir: string; readonly isJson: boolean }
  | { readonly kind: 'usage-error'; readonly message: string; readonly command?: Command };

/** The options each command accepts, as `node:util` `parseArgs` reads them; every one has `--help`. */
const optionsOf = {
  check: { help: { type: 'boolean', short: 'h' } },
  compute: { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' } },
} as const satisfies Record<Command, ParseArgsConfig['options']>;

function isCommand(word: string | undefined): word is Command {
  return (commands as readonly string[]).includes(word ?? '');
}

/**
 * Parses `argv` (without node and the script): `<command> DIR [options]`,
 * `<command> --help`, `help [command]` or `--help`. Never throws: a wrong
 * command line is a `usage-error` saying what is wrong.
 */
export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  const [first, ...rest] = argv;
  if (first === undefined) return { kind: 'usage-error', message: 'no command given' };
  if (first === 'help') return isCommand(rest[0]) ? { kind: 'help', command: rest[0] } : { kind: 'help' };
  if (first === '--help' || first === '-h') return { kind: 'help' };
  if (!isCommand(first)) {
    return { kind: 'usage-error', message: first.startsWith('-') ? `unknown option "${first}"` : `unknown command "${first}"` };
  }
  const command = first;
  // Not strict: an unknown option becomes a token we can name in our own words (and `--help` still wins).
  const { tokens } = parseArgs({ args: [...rest], options: optionsOf[command], allowPositionals: true, strict: false, tokens: true });
  const options = tokens.filter((token) => token.kind === 'option');
  if (options.some((token) => token.name === 'help')) return { kind: 'help', command };
  const unknown = options.find((token) => !(token.name in optionsOf[command]));
  if (unknown) return { kind: 'usage-error', command, message: `unknown option "${unknown.rawName}" for ${command}` };
  const withValue = options.find((token) => token.value !== undefined);
  if (withValue) return { kind: 'usage-error', command, message: `${withValue.rawName} takes no value, got "${withValue.rawName}=${withValue.value}"` };
  const positionals = tokens.flatMap((token) => (token.kind === 'positional' ? [token.value] : []));
  const [dir] = positionals;
  if (dir === undefined) return { kind: 'usage-error', command, message: `${command} needs the workspace folder: koers ${command} DIR` };
  if (positionals.length > 1) {
    return { kind: 'usage-error', command, message: `${command} takes one folder, got ${positionals.length}: ${positionals.join(' ')}` };
  }
  return { kind: 'run', command, dir, isJson: options.some((token) => token.name === 'json') };
}

/** The help text of the tool, or of one command. */
export function helpText(command?: Command): string {
  if (command === 'check') {
    return `Usage: koers check DIR

Validates the indicator workspace in DIR: its YAML files, the sources (files
present, declared columns there and their values fitting their types) and the
indicators (expressions safe, columns known, SQL binding in DuckDB). Nothing
is computed.

Prints one line per problem, "path:line: field: message", and exits 0 when
the workspace is clean, 1 when it is not.

Options:
  -h, --help   show this help
`;
  }
  if (command === 'compute') {
    return `Usage: koers compute DIR [--json]

Loads the sources of the workspace in DIR into DuckDB and computes every
indicator. A broken indicator or source does not stop the others: it is listed
under the errors, and the exit code is 1.

Options:
  --json       print the result as JSON on standard output (and nothing else):
               { "indicators": [...], "errors": [{ "file", "message" }] }
  -h, --help   show this help
`;
  }
  return `Usage: koers <command> DIR [options]

Checks and computes a Koers indicator workspace (sources/, indicators/,
programs/, data/), the folder format of docs/workspace-format.md.

Commands:
  check DIR            validate the workspace; one line per problem
  compute DIR [--json] compute every indicator; a table, or JSON with --json

Options:
  -h, --help           show help (also: koers <command> --help)

Exit codes: 0 clean, 1 problems or errors, 2 wrong usage.
`;
}
