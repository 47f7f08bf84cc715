import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EngineStoppedError } from './engine-stopped.error';
import { engineHostVariable, fromWire, type HostReply, type HostRequest } from './host-protocol';
import { residentBytesOf } from './process-memory';

/** How often the memory of a working child is read. */
const memorySampleMs = 25;

/**
 * The process is ended this far below its memory limit: between two samples
 * it may still grow (generate_series grows ~1 GB/s), and the limit must hold.
 */
export function memoryMarginBytes(limitBytes: number): number {
  return Math.max(32 * 1024 ** 2, Math.round(limitBytes / 32));
}

/** How long DuckDB's own interrupt gets, past a limit, before the process is ended: 1 s and a tenth of the limit. */
export function killGraceMs(budgetMs: number): number {
  return 1_000 + Math.round(budgetMs / 10);
}

/**
 * How to start the engine's host. From TypeScript source (tsx, vitest), the
 * host entry beside this file runs under tsx's loader. From a bundle (esbuild),
 * where that file does not exist, the current entry runs again with
 * {@link engineHostVariable} set, and hands over to `serveEngineHost()`.
 */
function hostCommand(): { readonly modulePath: string; readonly execArgv: string[] } {
  // A CommonJS bundle has no import.meta.url: it is a bundle all the same.
  const moduleUrl: unknown = import.meta.url;
  if (typeof moduleUrl === 'string' && moduleUrl.endsWith('.ts')) {
    // tsx's ESM loader alone: the host's graph is ESM, and it starts ~0.3 s sooner than tsx's full loader.
    const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
    return { modulePath: fileURLToPath(new URL('./engine-host.entry.ts', import.meta.url)), execArgv: ['--import', tsxLoader] };
  }
  const entry = process.argv[1];
  if (entry === undefined) throw new Error(`the engine cannot start its process: this process has no entry script to run again with ${engineHostVariable}=1`);
  return { modulePath: entry, execArgv: process.execArgv };
}

interface Pending {
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly budgetMs: number;
  deadline: NodeJS.Timeout;
}

/**
 * One engine host process and the watchdog over it: one request at a time;
 * past the request's time limit (plus {@link killGraceMs} for DuckDB's own
 * interrupt) or past the memory limit the process is killed, and the request
 * fails with an {@link EngineStoppedError}, as it does when the process crashes.
 */
export class EngineChild {
  private nextId = 1;
  private pending: (Pending & { readonly id: number }) | undefined;
  private stopped: EngineStoppedError | undefined;
  private sampler: NodeJS.Timeout | undefined;
  private stderrTail = '';
  private hasExited = false;
  /** Resolves when the process has ended, however it ended. */
  readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    private readonly memoryLimitBytes: number,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.stderr?.on('data', (chunk: Buffer) => (this.stderrTail = `${this.stderrTail}${chunk.toString()}`.slice(-2_000)));
    child.on('message', (reply: HostReply) => this.onReply(reply));
    child.once('exit', (code, signal) => this.onExit(code, signal));
    child.once('error', (error) => {
      // The process could not be started at all (no 'exit' follows).
      this.hasExited = true;
      const pending = this.pending;
      this.settle();
      pending?.reject(error);
    });
    this.setIdle(true);
  }

  /** Starts a host process; `memoryLimitBytes` bounds its resident memory while it works. */
  static start(memoryLimitBytes: number): EngineChild {
    const { modulePath, execArgv } = hostCommand();
    const child = fork(modulePath, [], {
      execArgv,
      env: { ...process.env, [engineHostVariable]: '1' },
      serialization: 'advanced',
      // Nothing the child prints reaches this process's output: stdout may be JSON.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    return new EngineChild(child, memoryLimitBytes);
  }

  /** Whether the process is still there to take requests. */
  get isAlive(): boolean {
    return !this.hasExited && this.stopped === undefined;
  }

  /** The last lines the process wrote on stderr (for a process that could not start). */
  get stderr(): string {
    return this.stderrTail.trim();
  }

  /** Sends one request; it must answer within `budgetMs` (per statement, for a request that announces them). */
  request<T>(method: HostRequest['method'], args: readonly unknown[], budgetMs: number): Promise<T> {
    if (!this.isAlive) return Promise.reject(this.stopped ?? EngineStoppedError.crash(null, this.child.exitCode));
    if (this.pending !== undefined) return Promise.reject(new Error('the engine host takes one request at a time'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending = { id, resolve: resolve as (result: unknown) => void, reject, budgetMs, deadline: this.deadline(budgetMs) };
      this.setIdle(false);
      this.child.send({ id, method, args } satisfies HostRequest);
    });
  }

  /** Asks the host to close its database and waits for the process to end (killing it if it does not within `budgetMs`). */
  async close(budgetMs: number): Promise<void> {
    if (this.isAlive) {
      await this.request('close', [], budgetMs).catch(() => undefined);
      if (this.child.connected) this.child.disconnect();
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), budgetMs);
    await this.exited;
    clearTimeout(timer);
  }

  private deadline(budgetMs: number): NodeJS.Timeout {
    return setTimeout(() => this.stop(EngineStoppedError.timeout(budgetMs)), budgetMs + killGraceMs(budgetMs));
  }

  private onReply(reply: HostReply): void {
    const pending = this.pending;
    if (pending === undefined || reply.id !== pending.id || this.stopped !== undefined) return;
    if ('nextStatement' in reply) {
      clearTimeout(pending.deadline);
      pending.deadline = this.deadline(pending.budgetMs);
      return;
    }
    this.settle();
    if ('error' in reply) pending.reject(fromWire(reply.error));
    else pending.resolve(reply.result);
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.hasExited = true;
    const pending = this.pending;
    this.settle();
    pending?.reject(this.stopped ?? EngineStoppedError.crash(signal, code));
  }

  /** Ends the process for `reason`; the pending request fails with it once the process is gone. */
  private stop(reason: EngineStoppedError): void {
    if (this.stopped !== undefined || this.hasExited) return;
    this.stopped = reason;
    this.child.kill('SIGKILL');
  }

  private settle(): void {
    if (this.pending !== undefined) clearTimeout(this.pending.deadline);
    this.pending = undefined;
    this.setIdle(true);
  }

  /**
   * While a request works, the memory is watched and the process keeps this
   * one alive; idle, it does neither, so an engine left open never holds its
   * caller's event loop.
   */
  private setIdle(isIdle: boolean): void {
    if (isIdle) {
      clearInterval(this.sampler);
      this.sampler = undefined;
      this.child.unref();
      this.child.channel?.unref();
      return;
    }
    this.child.ref();
    this.child.channel?.ref();
    let isSampling = false;
    this.sampler ??= setInterval(() => {
      const pid = this.child.pid;
      if (isSampling || pid === undefined) return;
      isSampling = true;
      void residentBytesOf(pid).then((bytes) => {
        isSampling = false;
        const threshold = this.memoryLimitBytes - memoryMarginBytes(this.memoryLimitBytes);
        if (bytes !== undefined && bytes > threshold && this.pending !== undefined) this.stop(EngineStoppedError.memory(bytes, this.memoryLimitBytes));
      });
    }, memorySampleMs);
  }
}
