// `koers`: checks and computes an indicator workspace (WORKSPACE-FORMAT.md).
// Started by bin/koers.mjs; see README.md in this project.
import { runCheck } from './check.command';
import { helpText, parseArgs } from './cli-args';
import { runCompute } from './compute.command';

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(helpText(parsed.command));
    return 0;
  }
  if (parsed.kind === 'usage-error') {
    process.stderr.write(`koers: ${parsed.message}\n\n${helpText(parsed.command)}`);
    return 2;
  }
  const write = (text: string) => process.stdout.write(text);
  return parsed.command === 'check' ? runCheck(parsed.dir, write) : runCompute(parsed.dir, parsed.isJson, write);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Something the commands did not expect: say what, never print JSON halfway.
    process.stderr.write(`koers: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
