/** The commands `koers` knows. */
export const commands = ['check', 'compute'] as const;
export type Command = (typeof commands)[number];

/** A parsed command line. */
export type ParsedArgs =
  | { readonly kind: 'help'; readonly command?: Command }
  | { readonly kind: 'run'; readonly command: Command; readonly dir: string; readonly isJson: boolean }
  | { readonly kind: 'usage-error'; readonly message: string; readonly command?: Command };

/** The flags each command accepts (besides --help). */
const flagsOf: Readonly<Record<Command, readonly string[]>> = { check: [], compute: ['--json'] };

function isCommand(word: string | undefined): word is Command {
  return (commands as readonly string[]).includes(word ?? '');
}

/** Parses `argv` (without node and the script): `<command> DIR [flags]`, or `--help`. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    if (first === 'help' && isCommand(rest[0])) return { kind: 'help', command: rest[0] };
    return first === undefined ? { kind: 'usage-error', message: 'no command given' } : { kind: 'help' };
  }
  if (!isCommand(first)) {
    return { kind: 'usage-error', message: first.startsWith('-') ? `unknown option "${first}"` : `unknown command "${first}"` };
  }
  const command = first;
  if (rest.includes('--help') || rest.includes('-h')) return { kind: 'help', command };
  const positional: string[] = [];
  let isJson = false;
  for (const word of rest) {
    if (word.startsWith('-') && word !== '-') {
      if (!flagsOf[command].includes(word)) return { kind: 'usage-error', command, message: `unknown option "${word}" for ${command}` };
      if (word === '--json') isJson = true;
    } else {
      positional.push(word);
    }
  }
  if (positional.length !== 1) {
    return {
      kind: 'usage-error',
      command,
      message: positional.length === 0 ? `${command} needs the workspace folder: koers ${command} DIR` : `${command} takes one folder, got ${positional.length}: ${positional.join(' ')}`,
    };
  }
  return { kind: 'run', command, dir: positional[0] ?? '.', isJson };
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
programs/, data/), the folder format of WORKSPACE-FORMAT.md.

Commands:
  check DIR            validate the workspace; one line per problem
  compute DIR [--json] compute every indicator; a table, or JSON with --json

Options:
  -h, --help           show help (also: koers <command> --help)

Exit codes: 0 clean, 1 problems or errors, 2 wrong usage.
`;
}
