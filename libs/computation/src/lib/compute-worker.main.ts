import { computeMunicipality } from './compute-municipality';
import { checkWorkspaceDefinitions, dryRunIndicator } from './dry-run';
import type { WorkerReplyMessage, WorkerRequestMessage } from './worker-protocol';

/**
 * The body of a compute worker: a child process the server forks for one
 * computation (or dry run, or check), so that a runaway query or a crash of
 * DuckDB costs that computation and never the server. It waits for one request over IPC,
 * computes, sends the outcome (or why it failed), and exits.
 */
export function runComputeWorker(): void {
  if (process.send === undefined) {
    process.stderr.write('The compute worker is started by the Koers server (with an IPC channel), not by hand.\n');
    process.exitCode = 2;
    return;
  }
  process.once('message', (message: WorkerRequestMessage) => {
    void answer(message).then((reply) => {
      process.send?.(reply, undefined, undefined, () => process.exit(0));
    });
  });
  // The server going away (its end of the channel closing) ends the worker too.
  process.once('disconnect', () => process.exit(0));
}

async function answer(message: WorkerRequestMessage): Promise<WorkerReplyMessage> {
  try {
    switch (message.kind) {
      case 'compute':
        return { kind: 'outcome', outcome: await computeMunicipality(message.request) };
      case 'dry-run':
        return { kind: 'dry-run', outcome: await dryRunIndicator(message.request) };
      case 'check':
        return { kind: 'check', problems: await checkWorkspaceDefinitions(message.request) };
    }
  } catch (error) {
    return { kind: 'failure', message: error instanceof Error ? error.message : String(error) };
  }
}
