import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ComputationRecord, ComputationTrigger } from '@koers/domain';
import {
  type AppDatabase,
  beatComputation,
  claimNextComputation,
  enqueueComputation,
  failComputation,
  listBusyMunicipalities,
  listMunicipalityWorkspaces,
  recoverStaleComputations,
  storeComputation,
} from '@koers/persistence';
import { computeInWorker, type WorkerOptions } from './compute-in-worker';

/** How the scheduler computes, and where it reports. */
export interface SchedulerOptions {
  readonly db: AppDatabase;
  readonly worker: Omit<WorkerOptions, 'signal'>;
  /** This server instance, as the computations it claims record it. */
  readonly owner: string;
  /** The folder with one engine database per municipality (`<id>.duckdb`). */
  readonly engineDirectory: string;
  /** The DuckDB memory budget of this instance's computations together, in bytes; each running one gets its share. */
  readonly memoryBudgetBytes: number;
  /** How many computations this instance runs at once (each in its own worker process). */
  readonly concurrency: number;
  readonly queryTimeoutMs: number;
  /** How often to look for waiting computations (and for those of a stopped instance). */
  readonly pollIntervalMs?: number;
  /** How often a running computation says it is alive; a quarter of `staleAfterMs`, at most 5 s, when left out. */
  readonly heartbeatMs?: number;
  /** A running computation silent for this long is taken over by another instance. */
  readonly staleAfterMs?: number;
  /** Called after a computation is stored or failed: the stored data changed. */
  readonly onFinished: (record: ComputationRecord | { readonly municipalityId: string; readonly error: string }) => void;
  readonly log: { info(line: string): void; warn(line: string): void };
}

/**
 * Runs computations as jobs kept in the app database: `request` queues one
 * (merged into one already waiting for that municipality); every instance's
 * scheduler claims waiting ones, at most `concurrency` at a time, and never
 * two of one municipality across all instances (the database's slot per
 * municipality). A running computation beats its heartbeat; one whose
 * instance stopped beating (killed) is taken over by another instance and
 * computed again. On the embedded database the same jobs run in the one process.
 */
export class ComputationScheduler {
  private readonly running = new Map<string, { readonly municipalityId: string; readonly abort: AbortController; readonly done: Promise<void> }>();
  private readonly pollIntervalMs: number;
  private readonly heartbeatMs: number;
  private readonly staleAfterMs: number;
  private timer: NodeJS.Timeout | undefined;
  private pumping: Promise<void> | undefined;
  private isClosed = false;
  private isStarted = false;

  constructor(private readonly options: SchedulerOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.staleAfterMs = options.staleAfterMs ?? 30_000;
    // Several beats within the stale time, so one late beat never looks like a stopped instance.
    this.heartbeatMs = options.heartbeatMs ?? Math.min(5_000, Math.floor(this.staleAfterMs / 4));
  }

  /** Starts taking waiting computations: now, every poll interval, and whenever one is requested here. */
  start(): void {
    this.isStarted = true;
    const tick = () => {
      if (this.isClosed) return;
      void this.pump().finally(() => {
        if (!this.isClosed) this.timer = setTimeout(tick, this.pollIntervalMs).unref();
      });
    };
    tick();
  }

  /**
   * Asks for a computation of the municipality; it runs in the background on
   * whichever instance claims it (this one only once started). With
   * `indicatorIds`, only those indicators are computed and stored (a
   * definition saved through the web); a request waiting already is widened.
   */
  async request(municipalityId: string, trigger: ComputationTrigger, indicatorIds?: readonly string[]): Promise<void> {
    if (this.isClosed) return;
    // A server starting beside one that computes already adds nothing: the running computation reads the same files.
    await enqueueComputation(this.options.db, {
      municipalityId,
      trigger,
      isSkippedWhileRunning: trigger === 'start',
      ...(indicatorIds === undefined ? {} : { indicatorIds }),
    });
    if (this.isStarted) void this.pump();
  }

  /** The municipalities with a computation waiting or running, on any instance. */
  busyMunicipalities(): Promise<string[]> {
    return listBusyMunicipalities(this.options.db);
  }

  /** Resolves once no computation waits or runs, on any instance (tests, benchmarks). */
  async whenIdle(): Promise<void> {
    while (!this.isClosed && (this.running.size > 0 || (await this.busyMunicipalities()).length > 0)) {
      await new Promise((wait) => setTimeout(wait, 100));
    }
  }

  /** Takes nothing new, kills this instance's running workers, and waits until their computations are recorded as failed. */
  async close(): Promise<void> {
    this.isClosed = true;
    clearTimeout(this.timer);
    for (const job of this.running.values()) job.abort.abort();
    await Promise.all([...this.running.values()].map((job) => job.done));
    await this.pumping?.catch(() => undefined);
  }

  /** Takes over stopped instances' computations, then claims waiting ones while there is room. One pump at a time. */
  private pump(): Promise<void> {
    this.pumping ??= (async () => {
      try {
        const recovered = await recoverStaleComputations(this.options.db, new Date(Date.now() - this.staleAfterMs));
        for (const municipalityId of recovered) this.options.log.warn(`${municipalityId}: een berekening van een gestopte serverinstantie wordt overgenomen.`);
        while (!this.isClosed && this.running.size < this.options.concurrency) {
          const claimed = await claimNextComputation(this.options.db, { owner: this.options.owner });
          if (claimed === null) break;
          const abort = new AbortController();
          const done = this.run(claimed, abort).finally(() => {
            this.running.delete(claimed.id);
            void this.pump();
          });
          this.running.set(claimed.id, { municipalityId: claimed.municipalityId, abort, done });
        }
      } catch (error) {
        this.options.log.warn(`De berekeningen konden niet worden opgehaald: ${(error as Error).message}`);
      } finally {
        this.pumping = undefined;
      }
    })();
    return this.pumping;
  }

  private async run(computation: ComputationRecord, abort: AbortController): Promise<void> {
    const { db, log } = this.options;
    const { municipalityId } = computation;
    const heartbeat = setInterval(() => {
      void beatComputation(db, computation.id, this.options.owner).then(
        (isOurs) => {
          // Another instance took it over (this one looked stopped): stop computing what it will store.
          if (!isOurs) abort.abort();
        },
        () => undefined,
      );
    }, this.heartbeatMs);
    heartbeat.unref();
    try {
      const workspace = (await listMunicipalityWorkspaces(db)).find((candidate) => candidate.id === municipalityId);
      if (workspace === undefined) throw new Error(`no workspace folder is known for ${municipalityId}`);
      await mkdir(this.options.engineDirectory, { recursive: true });
      const share = Math.max(64 * 1024 * 1024, Math.floor(this.options.memoryBudgetBytes / this.options.concurrency));
      const startedAt = performance.now();
      const outcome = await computeInWorker(
        {
          computationId: computation.id,
          municipalityId,
          workspaceRoot: workspace.workspaceRoot,
          engineDatabasePath: join(this.options.engineDirectory, `${municipalityId}.duckdb`),
          memoryLimit: `${Math.floor(share / (1024 * 1024))}MB`,
          queryTimeoutMs: this.options.queryTimeoutMs,
          ...(computation.indicatorIds == null ? {} : { indicatorIds: computation.indicatorIds }),
        },
        { ...this.options.worker, signal: abort.signal },
      );
      const record = await storeComputation(db, outcome);
      const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
      const failed = record.failedCount === 0 ? '' : `, ${record.failedCount} met een fout`;
      const which = computation.indicatorIds == null ? `${record.indicatorCount} indicatoren` : `indicator ${computation.indicatorIds.join(', ')}`;
      log.info(`${workspace.name}: ${which} berekend in ${seconds} s${failed}.`);
      this.options.onFinished(record);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.warn(`${municipalityId}: de berekening is mislukt: ${message}`);
      await failComputation(db, computation.id, message).catch(() => undefined);
      this.options.onFinished({ municipalityId, error: message });
    } finally {
      clearInterval(heartbeat);
    }
  }
}
