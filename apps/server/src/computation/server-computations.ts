import { existsSync } from 'node:fs';
import { ComputationScheduler } from '@koers/computation';
import { type AppDatabase, failInterruptedComputations, listMunicipalityWorkspaces } from '@koers/persistence';
import { watchWorkspaces } from '@koers/computation';
import { repositoryRoot, type ComputationSettings } from '../server.env';
import type { DemoLog } from '../demo/demo-import';

/** The server's background computing: the scheduler and the watcher of the workspaces. */
export interface ServerComputations {
  readonly scheduler: ComputationScheduler;
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
 * Starts computing: computations that a stopped server left running are
 * recorded as failed, every municipality with a workspace is computed once
 * (in the background), and the workspaces are watched for changed files.
 */
export async function startComputations(
  db: AppDatabase,
  settings: ComputationSettings,
  log: DemoLog,
  onFinished: () => void,
): Promise<ServerComputations> {
  const interrupted = await failInterruptedComputations(db, 'de server stopte tijdens deze berekening');
  if (interrupted > 0) log.warn(`${interrupted} berekening(en) van een eerdere start zijn niet afgemaakt; ze worden opnieuw gedaan.`);
  const scheduler = new ComputationScheduler({
    db,
    worker: { workerPath: computeWorkerPath(), timeoutMs: settings.timeoutMs, cwd: repositoryRoot },
    engineDirectory: settings.engineDirectory,
    memoryBudgetBytes: settings.memoryBudgetBytes,
    concurrency: settings.concurrency,
    queryTimeoutMs: settings.queryTimeoutMs,
    onFinished,
    log,
  });
  const workspaces = await listMunicipalityWorkspaces(db);
  for (const workspace of workspaces) scheduler.request(workspace.id, 'start');
  const stopWatching =
    settings.watchIntervalMs > 0
      ? watchWorkspaces(() => listMunicipalityWorkspaces(db), settings.watchIntervalMs, (municipalityId) => {
          log.info(`${municipalityId}: bestanden gewijzigd; de indicatoren worden opnieuw berekend.`);
          scheduler.request(municipalityId, 'change');
        })
      : () => undefined;
  return {
    scheduler,
    async close() {
      stopWatching();
      await scheduler.close();
    },
  };
}
