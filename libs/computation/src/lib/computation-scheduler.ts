import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ComputationRecord, ComputationTrigger } from '@koers/domain';
import {
  type AppDatabase,
  failComputation,
  listMunicipalityWorkspaces,
  startComputation,
  storeComputation,
} from '@koers/persistence';
import { computeInWorker, type WorkerOptions } from './compute-in-worker';

/** How the scheduler computes, and where it reports. */
export interface SchedulerOptions {
  readonly db: AppDatabase;
  readonly worker: Omit<WorkerOptions, 'signal'>;
  /** The folder with one engine database per municipality (`<id>.duckdb`). */
  readonly engineDirectory: string;
  /** The DuckDB memory budget of all computations together, in bytes; each running one gets its share. */
  readonly memoryBudgetBytes: number;
  /** How many computations run at once (each in its own worker process). */
  readonly concurrency: number;
  readonly queryTimeoutMs: number;
  /** Called after a computation is stored or failed: the stored data changed. */
  readonly onFinished: (record: ComputationRecord | { readonly municipalityId: string; readonly error: string }) => void;
  readonly log: { info(line: string): void; warn(line: string): void };
}

/**
 * Runs the computations of the installation's municipalities in the
 * background, at most `concurrency` at a time and one at a time per
 * municipality. A request for a municipality that is already waiting is
 * merged into it; one for a municipality that is computing runs once more
 * after it, so a change made during a computation is never missed.
 */
export class ComputationScheduler {
  private readonly waiting: { municipalityId: string; trigger: ComputationTrigger }[] = [];
  private readonly running = new Set<string>();
  private readonly again = new Map<string, ComputationTrigger>();
  private readonly abort = new AbortController();
  private idleWaiters: (() => void)[] = [];
  private isClosed = false;

  constructor(private readonly options: SchedulerOptions) {}

  /** Asks for a computation of the municipality; returns at once, the computation runs in the background. */
  request(municipalityId: string, trigger: ComputationTrigger): void {
    if (this.isClosed) return;
    if (this.running.has(municipalityId)) {
      this.again.set(municipalityId, trigger);
      return;
    }
    if (this.waiting.some((item) => item.municipalityId === municipalityId)) return;
    this.waiting.push({ municipalityId, trigger });
    this.pump();
  }

  /** Whether a computation of the municipality is waiting or running. */
  isBusy(municipalityId: string): boolean {
    return this.running.has(municipalityId) || this.waiting.some((item) => item.municipalityId === municipalityId);
  }

  /** Resolves once nothing waits and nothing runs. */
  whenIdle(): Promise<void> {
    if (this.waiting.length === 0 && this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Takes no new requests, kills the running workers, and waits until their computations are recorded as failed. */
  async close(): Promise<void> {
    this.isClosed = true;
    this.waiting.length = 0;
    this.again.clear();
    this.abort.abort();
    await this.whenIdle();
  }

  private pump(): void {
    while (this.running.size < this.options.concurrency) {
      const next = this.waiting.shift();
      if (next === undefined) break;
      this.running.add(next.municipalityId);
      void this.run(next.municipalityId, next.trigger).finally(() => {
        this.running.delete(next.municipalityId);
        const trigger = this.again.get(next.municipalityId);
        this.again.delete(next.municipalityId);
        if (trigger !== undefined) this.request(next.municipalityId, trigger);
        this.pump();
        if (this.waiting.length === 0 && this.running.size === 0) {
          const waiters = this.idleWaiters;
          this.idleWaiters = [];
          for (const resolve of waiters) resolve();
        }
      });
    }
  }

  private async run(municipalityId: string, trigger: ComputationTrigger): Promise<void> {
    const { db, log } = this.options;
    let computationId: string | undefined;
    try {
      const workspace = (await listMunicipalityWorkspaces(db)).find((candidate) => candidate.id === municipalityId);
      if (workspace === undefined) {
        log.warn(`${municipalityId}: geen werkmap bekend; er wordt niets berekend.`);
        return;
      }
      await mkdir(this.options.engineDirectory, { recursive: true });
      const started = await startComputation(db, { municipalityId, trigger });
      computationId = started.id;
      const share = Math.max(64 * 1024 * 1024, Math.floor(this.options.memoryBudgetBytes / this.options.concurrency));
      const startedAt = performance.now();
      const outcome = await computeInWorker(
        {
          computationId,
          municipalityId,
          workspaceRoot: workspace.workspaceRoot,
          engineDatabasePath: join(this.options.engineDirectory, `${municipalityId}.duckdb`),
          memoryLimit: `${Math.floor(share / (1024 * 1024))}MB`,
          queryTimeoutMs: this.options.queryTimeoutMs,
        },
        { ...this.options.worker, signal: this.abort.signal },
      );
      const record = await storeComputation(db, outcome);
      const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
      const failed = record.failedCount === 0 ? '' : `, ${record.failedCount} met een fout`;
      log.info(`${workspace.name}: ${record.indicatorCount} indicatoren berekend in ${seconds} s${failed}.`);
      this.options.onFinished(record);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.warn(`${municipalityId}: de berekening is mislukt: ${message}`);
      if (computationId !== undefined) await failComputation(db, computationId, message).catch(() => undefined);
      this.options.onFinished({ municipalityId, error: message });
    }
  }
}
