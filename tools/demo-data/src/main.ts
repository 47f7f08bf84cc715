// The demo-data command line: `npm run demo-data -- [options]` (see `usage`).
import { writeBenchWorkspace } from './bench/bench-workspace.writer';
import { parseArguments, usage } from './cli-arguments';
import { writeDemoData } from './demo/demo-workspaces.writer';

async function main(argv: readonly string[]): Promise<void> {
  const command = parseArguments(argv);
  if (command.kind === 'help') {
    console.log(usage);
    return;
  }
  const started = performance.now();
  if (command.kind === 'demo') {
    const written = await writeDemoData(command.out);
    for (const file of written) console.log(`${file.path}\t${file.rows} rows\t${file.bytes} bytes`);
    const bytes = written.reduce((total, file) => total + file.bytes, 0);
    console.log(`wrote ${written.length} files (${(bytes / 1e6).toFixed(2)} MB) under ${command.out} in ${Math.round(performance.now() - started)} ms`);
    return;
  }
  const report = await writeBenchWorkspace(command);
  console.log(
    `wrote ${command.out}: ${report.eventFile} with ${report.rows} rows in ${report.eventMilliseconds} ms, ` +
      `${report.indicators} indicators; total ${Math.round(performance.now() - started)} ms`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`demo-data: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
  process.exitCode = 1;
});
