// `koers`: checks and computes an indicator workspace (docs/workspace-format.md).
// Built to dist/apps/cli/koers.mjs and started by bin/koers.mjs; see README.md in this project.
import { helpText, parseCommandLine } from './cli-args';

// Bundled, the engine's DuckDB process runs this entry again with KOERS_ENGINE_HOST=1 (libs/kpi README, "The engine's process"): it serves the engine, and never returns.
if (process.env['KOERS_ENGINE_HOST'] === '1') await import('@koers/kpi').then((kpi) => kpi.serveEngineHost());

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(helpText(parsed.command));
    return 0;
  }
  if (parsed.kind === 'usage-error') {
    process.stderr.write(`koers: ${parsed.message}\n\n${helpText(parsed.command)}`);
    return 2;
  }
  const write = (text: string) => process.stdout.write(text);
  // Imported only when a command runs: --help and usage errors need neither DuckDB nor the workspace reader.
  if (parsed.command === 'check') return (await import('./check.command')).runCheck(parsed.dir, write);
  return (await import('./compute.command')).runCompute(parsed.dir, parsed.isJson, write);
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
