import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { ComputationScheduler } from '@koers/computation';
import { type AppDatabase, failInterruptedComputations, listMunicipalityWorkspaces, recordAudit } from '@koers/persistence';
import { watchWorkspaces } from '@koers/computation';
import { repositoryRoot } from '../server.env';
import type { ComputationSettings } from '../server-settings';
import type { DemoLog } from '../demo/demo-import';

/** The server's background computing: the scheduler and the watcher of the workspaces. */
export interface ServerComputations {
  readonly scheduler: ComputationScheduler;
  /** A person asks to compute a municipality now: recorded in the audit trail, then queued. */
  requestByPerson(municipalityId: string, actor: string): Promise<void>;
  /** Stops watching, kills running computations and waits until they are recorded. */
  close(): Promise<void>;
}

/**
 * The compute worker's entry beside this module: the bundled `.mjs` when the
 * server runs from its bundle, the TypeScript source (through tsx) otherwise.
 */
export function computeWorkerPath(): string {
  const bundled = new URL('./compute.worker.mjs', import.meta.url);
  if (import.meta.url.endsWith('.mjs') && existsSync(bundled)) return bundled.pathname;
  return new URL('../compute.worker.ts', import.meta.url).pathname;
}

/**
 * Starts computing: every municipality with a workspace is computed once (in
 * the background, by whichever instance claims it), and the workspaces are
 * watched for changed files. On the embedded database no other process can be
 * computing, so what a stopped server left running is failed at once; with
 * PostgreSQL, other instances may be computing, and a stopped one's
 * computations are taken over by heartbeat instead.
 */
export async function startComputations(
  db: AppDatabase,
  settings: ComputationSettings,
  isShared: boolean,
  log: DemoLog,
  onFinished: () => void,
): Promise<ServerComputations> {
  if (!isShared) {
    const interrupted = await failInterruptedComputations(db, 'de server stopte tijdens deze berekening');
    if (interrupted > 0) log.warn(`${interrupted} berekening(en) van een eerdere start zijn niet afgemaakt; ze worden opnieuw gedaan.`);
  }
  const scheduler = new ComputationScheduler({
    db,
    owner: `${hostname()}:${process.pid}`,
    staleAfterMs: settings.staleAfterMs,
    worker: { workerPath: computeWorkerPath(), timeoutMs: settings.timeoutMs, cwd: repositoryRoot },
    engineDirectory: settings.engineDirectory,
    memoryBudgetBytes: settings.memoryBudgetBytes,
    concurrency: settings.concurrency,
    queryTimeoutMs: settings.queryTimeoutMs,
    onFinished,
    log,
  });
  const workspaces = await listMunicipalityWorkspaces(db);
  for (const workspace of workspaces) await scheduler.request(workspace.id, 'start');
  scheduler.start();
  const stopWatching =
    settings.watchIntervalMs > 0
      ? watchWorkspaces(() => listMunicipalityWorkspaces(db), settings.watchIntervalMs, (municipalityId, indicatorIds) => {
          log.info(`${municipalityId}: bestanden gewijzigd; ${indicatorIds === null ? 'de indicatoren worden' : `indicator ${indicatorIds.join(', ')} wordt`} opnieuw berekend.`);
          void scheduler.request(municipalityId, 'change', indicatorIds ?? undefined);
        })
      : () => undefined;
  return {
    scheduler,
    async requestByPerson(municipalityId, actor) {
      await recordAudit(db, { actor, municipalityId, entity: 'computation', entityId: municipalityId, action: 'request', before: null, after: { trigger: 'request' } });
      await scheduler.request(municipalityId, 'request');
    },
    async close() {
      stopWatching();
      await scheduler.close();
    },
  };
}
