import type { SourceDefinition, SourcePreview } from '@koers/domain';
import type { DescribedColumn } from '../sources/source-reader';
import { sourceLimitsOf } from '../sources/source-limits';
import type { SourceVersion } from '../sources/source-version';
import { EngineChild } from './engine-child';
import { EngineStoppedError } from './engine-stopped.error';
import type { SessionOptions } from './local-session';
import { duckdbMemoryLimitWithin, parseMemorySize } from './memory-size';
import { defaultMemoryLimit, defaultQueryTimeoutMs } from './sandbox-database';
import type { DescribeOutcome, ParseItem, QueryRows, SandboxSession } from './sandbox-session';

/** How long a fresh process may take to start and open its database (a large write-ahead log replays then). */
const startupBudgetMs = 60_000;

/**
 * The sandbox in a child process: every request runs under a watchdog that
 * ends the process past the request's time limit (DuckDB's interrupt gets its
 * chance first) or past the memory limit, and a crash ends only the process.
 * The request then fails with an {@link EngineStoppedError}; the next one
 * starts a fresh process on the same database. A database file keeps
 * everything; an in-memory one is rebuilt by loading again the sources that
 * had loaded (in a load that crashed, the sources before it).
 *
 * `memoryLimit` bounds the whole process here (its resident memory, sampled
 * every 25 ms on Linux); DuckDB's own `memory_limit` inside it is set lower
 * (see `duckdbMemoryLimitWithin`), so DuckDB fails a query cleanly first.
 */
export class ProcessSandboxSession implements SandboxSession {
  private child: EngineChild | undefined;
  /** For an in-memory database: the sources a fresh process must load again, in order. */
  private readonly loaded = new Map<string, SourceDefinition>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly memoryLimitBytes: number;
  private readonly queryTimeoutMs: number;
  private readonly loadTimeoutMs: number;

  private constructor(private readonly options: SessionOptions) {
    this.memoryLimitBytes = parseMemorySize(options.memoryLimit ?? defaultMemoryLimit());
    this.queryTimeoutMs = options.queryTimeoutMs ?? defaultQueryTimeoutMs;
    this.loadTimeoutMs = sourceLimitsOf(options.sourceLimits).timeoutMs;
  }

  /** Starts the engine's process and opens its database; fails with what the process said when it cannot start. */
  static async open(options: SessionOptions): Promise<ProcessSandboxSession> {
    const session = new ProcessSandboxSession(options);
    await session.enqueue(() => session.running());
    return session;
  }

  versions(sourceId?: string): Promise<SourceVersion[]> {
    return this.call('versions', [sourceId], this.queryTimeoutMs);
  }

  async loadSource(source: SourceDefinition, serving?: SourceVersion): Promise<SourceVersion> {
    const version = await this.call<SourceVersion>('loadSource', [source, serving], this.loadTimeoutMs);
    if (this.isInMemory) this.loaded.set(source.id, source);
    return version;
  }

  previewSource(source: SourceDefinition, rowLimit: number): Promise<SourcePreview> {
    return this.call('previewSource', [source, rowLimit], this.loadTimeoutMs);
  }

  describeSource(source: SourceDefinition): Promise<DescribedColumn[]> {
    return this.call('describeSource', [source], this.loadTimeoutMs);
  }

  parseExpressions(items: readonly ParseItem[]): Promise<(string | null)[]> {
    return this.call('parseExpressions', [items], this.queryTimeoutMs);
  }

  select(sql: string): Promise<QueryRows> {
    return this.call('select', [sql], this.queryTimeoutMs);
  }

  describe(sqls: readonly string[]): Promise<DescribeOutcome[]> {
    return this.call('describe', [sqls], this.queryTimeoutMs);
  }

  close(): Promise<void> {
    return this.enqueue(async () => {
      await this.child?.close(this.queryTimeoutMs);
      this.child = undefined;
    });
  }

  private get isInMemory(): boolean {
    return (this.options.databasePath ?? ':memory:') === ':memory:';
  }

  /** One request at a time, so a stopped process is charged to the request that ran in it. */
  private call<T>(method: Parameters<EngineChild['request']>[0], args: readonly unknown[], budgetMs: number): Promise<T> {
    return this.enqueue(async () => (await this.running()).request<T>(method, args, budgetMs));
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** The running process, or a fresh one with the database opened (and, in memory, the loaded sources again). */
  private async running(): Promise<EngineChild> {
    if (this.child?.isAlive) return this.child;
    const child = EngineChild.start(this.memoryLimitBytes);
    this.child = child;
    try {
      await child.request('open', [{ ...this.options, memoryLimit: duckdbMemoryLimitWithin(this.memoryLimitBytes) }], startupBudgetMs);
    } catch (error) {
      const said = child.stderr;
      await child.close(1_000);
      if (!(error instanceof EngineStoppedError)) throw error;
      throw new Error(`the engine's DuckDB process could not start: ${error.message}${said === '' ? '' : `\n${said}`}`);
    }
    for (const source of this.loaded.values()) {
      // What loaded once loads again; should it not, its indicators report the missing table.
      await child.request('loadSource', [source], this.loadTimeoutMs).catch(() => this.loaded.delete(source.id));
      if (!child.isAlive) return this.running();
    }
    return child;
  }
}
