import { fork } from 'node:child_process';
import type { ComputationOutcome, WorkspaceProblem } from '@koers/domain';
import type { ComputationRequest } from './computation-request';
import type { CheckRequest, DryRunOutcome, DryRunRequest } from './dry-run';
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
export async function computeInWorker(request: ComputationRequest, options: WorkerOptions): Promise<ComputationOutcome> {
  const reply = await runInWorker({ kind: 'compute', request }, options);
  if (reply.kind !== 'outcome') throw new ComputationFailedError('de berekening gaf een onverwacht antwoord');
  return reply.outcome;
}

/**
 * A dry run of one indicator (see `dryRunIndicator`) in a child process of its
 * own, bounded as a computation is: killed past `timeoutMs`, its engine in
 * memory within the request's `memoryLimit`. Nothing is stored.
 */
export async function dryRunInWorker(request: DryRunRequest, options: WorkerOptions): Promise<DryRunOutcome> {
  const reply = await runInWorker({ kind: 'dry-run', request }, options);
  if (reply.kind !== 'dry-run') throw new ComputationFailedError('de proefberekening gaf een onverwacht antwoord');
  return reply.outcome;
}

/** `koers check` of the workspace with the request's definition files, in a child process of its own. */
export async function checkInWorker(request: CheckRequest, options: WorkerOptions): Promise<readonly WorkspaceProblem[]> {
  const reply = await runInWorker({ kind: 'check', request }, options);
  if (reply.kind !== 'check') throw new ComputationFailedError('de controle gaf een onverwacht antwoord');
  return reply.problems;
}

function runInWorker(message: WorkerRequestMessage, options: WorkerOptions): Promise<Exclude<WorkerReplyMessage, { kind: 'failure' }>> {
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

    child.once('message', (answer: WorkerReplyMessage) => {
      reply = answer;
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new ComputationFailedError(`de berekening kon niet starten: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', stop);
      if (reply !== undefined && reply.kind !== 'failure') resolve(reply);
      else if (reply?.kind === 'failure') reject(new ComputationFailedError(reply.message));
      else if (options.signal?.aborted) reject(new ComputationFailedError('de berekening is afgebroken omdat de server stopte'));
      else if (isTimedOut) reject(new ComputationFailedError(`de berekening duurde langer dan ${durationText(options.timeoutMs)} en is gestopt`));
      else reject(new ComputationFailedError(`de berekening stopte onverwacht (${signal === null ? `exitcode ${code}` : `signaal ${signal}`})`));
    });
    child.send(message);
  });
}

function durationText(milliseconds: number): string {
  return milliseconds < 1000 ? `${milliseconds} ms` : `${Math.round(milliseconds / 1000)} s`;
}
