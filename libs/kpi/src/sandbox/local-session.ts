import type { SourceDefinition, SourcePreview } from '@koers/domain';
import { checkExpressionsWithParser } from '../guard/index';
import { sourceLimitsOf, type SourceLimits } from '../sources/source-limits';
import { loadSource, openLoader } from '../sources/source-loader';
import { describeSource, previewSource } from '../sources/source-preview';
import type { DescribedColumn } from '../sources/source-reader';
import { SourceStore } from '../sources/source-store';
import type { SourceVersion } from '../sources/source-version';
import { QueryTimeoutError, withTimeout } from './query-timeout';
import { SandboxDatabase, messageOf, type SandboxOptions } from './sandbox-database';
import type { DescribeOutcome, ParseItem, QueryRows, SandboxSession } from './sandbox-session';

/** How a sandbox session is opened: the database, and the workspace whose sources it loads. */
export interface SessionOptions extends SandboxOptions {
  /** The workspace root: source paths are resolved under it, and nothing outside it is read. */
  readonly root: string;
  /** Limits of one source's load; each one not given takes its default (`defaultSourceLimits`). */
  readonly sourceLimits?: Partial<SourceLimits>;
}

/**
 * The sandbox in this process: a {@link SandboxDatabase} opened for loading,
 * whose sources load with `CREATE TABLE AS` until the first definition runs,
 * which locks it. It is what the engine's child process serves, and what
 * `createKpiEngine({ isolation: 'in-process' })` uses directly (no crash
 * isolation, no hard bounds: for tools that need the database itself).
 */
export class LocalSandboxSession implements SandboxSession {
  private constructor(
    /** The database itself (for benchmarks that query it beside the engine). */
    readonly database: SandboxDatabase,
    private readonly store: SourceStore,
    private readonly root: string,
    private readonly limits: SourceLimits,
  ) {}

  /** Opens the database (unlocked, for loading) and prepares its versions table. */
  static async open(options: SessionOptions): Promise<LocalSandboxSession> {
    const database = await SandboxDatabase.openForLoading(options);
    try {
      const store = new SourceStore(await database.connect());
      await store.prepare();
      return new LocalSandboxSession(database, store, options.root, sourceLimitsOf(options.sourceLimits));
    } catch (error) {
      database.close();
      throw error;
    }
  }

  versions(sourceId?: string): Promise<SourceVersion[]> {
    return this.store.currentVersions(sourceId);
  }

  loadSource(source: SourceDefinition, serving?: SourceVersion): Promise<SourceVersion> {
    return loadSource(this.store, this.root, source, { limits: this.limits, ...(serving && { serving }) });
  }

  async previewSource(source: SourceDefinition, rowLimit: number): Promise<SourcePreview> {
    const loader = await openLoader(this.root);
    try {
      return await previewSource(loader, source, { rowLimit, limits: this.limits });
    } finally {
      loader.close();
    }
  }

  async describeSource(source: SourceDefinition): Promise<DescribedColumn[]> {
    const loader = await openLoader(this.root);
    try {
      return await describeSource(loader, source);
    } finally {
      loader.close();
    }
  }

  async parseExpressions(items: readonly ParseItem[]): Promise<(string | null)[]> {
    await this.database.lock();
    const { connection, queryTimeoutMs } = this.database;
    return withTimeout(connection, queryTimeoutMs, () => checkExpressionsWithParser(connection, items));
  }

  async select(sql: string): Promise<QueryRows> {
    await this.database.lock();
    return (await this.database.select(sql)).getRowsJS();
  }

  async describe(sqls: readonly string[]): Promise<DescribeOutcome[]> {
    await this.database.lock();
    const outcomes: DescribeOutcome[] = [];
    for (const sql of sqls) {
      try {
        outcomes.push({ type: await this.database.describe(sql) });
      } catch (error) {
        // A bound passed is not a fact about the statement: the caller reports the indicator as stopped.
        if (error instanceof QueryTimeoutError) throw error;
        outcomes.push({ error: messageOf(error) });
      }
    }
    return outcomes;
  }

  async close(): Promise<void> {
    this.store.connection.closeSync();
    this.database.close();
  }
}
