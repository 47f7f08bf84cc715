import { Worker } from 'node:worker_threads';
import type { SourceDefinition } from '@koers/domain';
import type { SourceVersion } from '../sources/source-version';
import { engineHostVariable, toWire, type HostReply, type HostRequest } from './host-protocol';
import { LocalSandboxSession, type SessionOptions } from './local-session';
import type { DescribeOutcome, ParseItem } from './sandbox-session';

/**
 * Whether this process was started as the engine's host (by
 * `ProcessSandboxSession`, which re-executes the current entry when it runs
 * from a bundle). An entry that is, calls {@link serveEngineHost} and nothing else.
 */
export function isEngineHostProcess(): boolean {
  return process.env[engineHostVariable] === '1';
}

/** How long a parting engine process waits for its database to close before it leaves anyway. */
const leaveWithinMs = 2_000;

/**
 * Ends this process once its parent is gone, however this process is busy.
 * The main thread leaves cleanly (`leave`) when it can; but DuckDB planning a
 * query runs on it and can hold it for a minute, so a worker thread, whose
 * own loop keeps running, watches the parent's pid and kills the process
 * outright {@link leaveWithinMs} after the parent went.
 */
function watchParent(leave: () => void): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) leave();
  }, 500).unref();
  const watchdog = new Worker(
    `const { workerData } = require('node:worker_threads');
     const timer = setInterval(() => {
       if (process.ppid === workerData.parent) return;
       clearInterval(timer);
       setTimeout(() => process.kill(process.pid, 'SIGKILL'), workerData.graceMs);
     }, 500);`,
    { eval: true, workerData: { parent, graceMs: leaveWithinMs } },
  );
  watchdog.unref();
}

/**
 * Serves a {@link LocalSandboxSession} to the parent process over IPC, one
 * request at a time, until the parent closes it or goes away; then the
 * process exits. This process holds the DuckDB database; the parent ends it
 * past a time or memory limit, or sees it crash, and starts another.
 *
 * @returns a promise that never settles, so an entry that awaits it at its
 *   top runs nothing else: `if (isEngineHostProcess()) await serveEngineHost();`
 */
export function serveEngineHost(): Promise<never> {
  const send = process.send?.bind(process);
  if (send === undefined) throw new Error(`serveEngineHost() runs only in the engine's child process (${engineHostVariable}=1, with an IPC channel)`);
  let session: LocalSandboxSession | undefined;
  const reply = (message: HostReply) => send(message);
  const opened = () => {
    if (session === undefined) throw new Error('the engine host got a request before "open"');
    return session;
  };
  // The parent is gone (it exited, or closed this session): close the database cleanly and leave,
  // within a bound: a query still running can hold the close, and this process must not outlive its
  // parent holding the database's lock (a server restarted after a crash could not open it then).
  let isLeaving = false;
  const leave = () => {
    if (isLeaving) return;
    isLeaving = true;
    setTimeout(() => process.exit(0), leaveWithinMs);
    if (session === undefined) process.exit(0);
    void session.close().finally(() => process.exit(0));
  };
  process.once('disconnect', leave);
  watchParent(leave);
  process.on('message', (request: HostRequest) => {
    void handle(request)
      .then((result) => reply({ id: request.id, result }))
      .catch((error: unknown) => reply({ id: request.id, error: toWire(error) }));
  });
  return new Promise<never>(() => undefined);

  async function handle({ id, method, args }: HostRequest): Promise<unknown> {
    switch (method) {
      case 'open':
        session = await LocalSandboxSession.open(args[0] as SessionOptions);
        return null;
      case 'versions':
        return opened().versions(args[0] as string | undefined);
      case 'loadSource':
        return opened().loadSource(args[0] as SourceDefinition, args[1] as SourceVersion | undefined);
      case 'previewSource':
        return opened().previewSource(args[0] as SourceDefinition, args[1] as number);
      case 'describeSource':
        return opened().describeSource(args[0] as SourceDefinition);
      case 'parseExpressions':
        return opened().parseExpressions(args[0] as ParseItem[]);
      case 'select':
        return opened().select(args[0] as string);
      case 'describe': {
        // Statement by statement, each announced, so the parent's time limit is per statement, as here.
        const outcomes: DescribeOutcome[] = [];
        for (const [index, sql] of (args[0] as string[]).entries()) {
          if (index > 0) reply({ id, nextStatement: true });
          outcomes.push(...(await opened().describe([sql])));
        }
        return outcomes;
      }
      case 'close':
        // The parent disconnects once it has this answer; then this process ends.
        await session?.close();
        session = undefined;
        return null;
    }
  }
}
