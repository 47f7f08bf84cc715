import { formatBytes } from '../sources/source-limits';
import { QueryTimeoutError } from './query-timeout';

/** Why the engine's process was ended in the middle of a piece of work. */
export type StopReason = 'timeout' | 'memory' | 'crash';

/**
 * The piece of work that ran when the engine's process was ended (past its
 * time limit, past its memory limit) or crashed. The piece is lost, nothing
 * else is: the next call starts a fresh process with the same database.
 */
export class EngineStoppedError extends Error {
  private constructor(
    readonly reason: StopReason,
    message: string,
  ) {
    super(message);
    this.name = 'EngineStoppedError';
  }

  /** Ran past `limitMs`, and DuckDB's interrupt did not stop it. */
  static timeout(limitMs: number): EngineStoppedError {
    return new EngineStoppedError(
      'timeout',
      `stopped after ${limitMs} ms, its time limit: DuckDB did not stop at the interrupt, so its process was ended; simplify the expression, or raise the time limit`,
    );
  }

  /** Its process reached `usedBytes`, at the edge of `limitBytes`. */
  static memory(usedBytes: number, limitBytes: number): EngineStoppedError {
    return new EngineStoppedError(
      'memory',
      `stopped: its process reached ${formatBytes(usedBytes)} of its memory limit of ${formatBytes(limitBytes)} and was ended; simplify the expression or filter the data, or raise the memory limit`,
    );
  }

  /** The process ended by itself: a crash in DuckDB (a signal), or an exit it did not announce. */
  static crash(signal: string | null, exitCode: number | null): EngineStoppedError {
    const how = signal === null ? `exit code ${exitCode ?? 'unknown'}` : signal;
    return new EngineStoppedError('crash', `stopped: DuckDB crashed on it (${how}); everything else is computed in a fresh process`);
  }

  /** Rebuilds one from what crossed a process boundary. */
  static of(reason: StopReason, message: string): EngineStoppedError {
    return new EngineStoppedError(reason, message);
  }
}

/** Whether `error` says the work was stopped by a bound or a crash, rather than what the work itself got wrong. */
export function isStopped(error: unknown): error is EngineStoppedError | QueryTimeoutError {
  return error instanceof EngineStoppedError || error instanceof QueryTimeoutError;
}
