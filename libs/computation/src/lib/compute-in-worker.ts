import { fork } from 'node:child_process';
import type { ComputationOutcome } from '@koers/domain';
import type { ComputationRequest } from './computation-request';
import type { WorkerReplyMessage, WorkerRequestMessage } from './worker-protocol';

/** How to start compute workers. */
export interface WorkerOptions {
  /** The worker's entry file: a bundled `.mjs`, or a `.ts` file run through tsx (tests, development). */
  readonly workerPath: string;
  /** The worker is killed past this, and the computation fails. */
  readonly timeoutMs: number;
  /** The folder the worker starts in; tsx finds the path aliases from its tsconfig. */
  readonly cwd?: string;
  /** Aborting kills the worker (the server is stopping); the computation then fails. */
  readonly signal?: AbortSignal;
}

/** A computation that failed as a whole: the worker crashed, ran past its time, or could not start. */
export class ComputationFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ComputationFailedError';
  }
}

/**
 * Runs one computation in a child process of its own and resolves to its
 * outcome. The child is killed past `timeoutMs`; a crash (even a native one
 * in DuckDB) or a timeout rejects with a {@link ComputationFailedError} that
 * says which, and the caller's process goes on.
 */
export function computeInWorker(request: ComputationRequest, options: WorkerOptions): Promise<ComputationOutcome> {
  return new Promise((resolve, reject) => {
    const child = fork(options.workerPath, [], {
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      execArgv: options.workerPath.endsWith('.ts') ? ['--import', 'tsx'] : [],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let reply: WorkerReplyMessage | undefined;
    let isTimedOut = false;
    const timer = setTimeout(() => {
      isTimedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    timer.unref();
    const stop = () => child.kill('SIGKILL');
    options.signal?.addEventListener('abort', stop, { once: true });

    child.once('message', (message: WorkerReplyMessage) => {
      reply = message;
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new ComputationFailedError(`de berekening kon niet starten: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', stop);
      if (reply?.kind === 'outcome') resolve(reply.outcome);
      else if (reply?.kind === 'failure') reject(new ComputationFailedError(reply.message));
      else if (options.signal?.aborted) reject(new ComputationFailedError('de berekening is afgebroken omdat de server stopte'))
      else if (isTimedOut) reject(new ComputationFailedError(`de berekening duurde langer dan ${durationText(options.timeoutMs)} en is gestopt`));
      else reject(new ComputationFailedError(`de berekening stopte onverwacht (${signal === null ? `exitcode ${code}` : `signaal ${signal}`})`));
    });
    const message: WorkerRequestMessage = { kind: 'compute', request };
    child.send(message);
  });
}

function durationText(milliseconds: number): string {
  return milliseconds < 1000 ? `${milliseconds} ms` : `${Math.round(milliseconds / 1000)} s`;
}
