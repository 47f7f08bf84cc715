import { hostname } from 'node:os';
import type { IndicatorEditor } from '@koers/domain';
import type { AppDatabase } from '@koers/persistence';
import { computeWorkerPath, type ServerComputations } from '../computation/server-computations';
import { repositoryRoot } from '../server.env';
import type { ComputationSettings } from '../server-settings';
import { WorkspaceIndicatorEditor } from './workspace-indicator-editor';

/** A dry run or an import check is stopped past this: a person is waiting for it. */
export const trialTimeoutMs = 120_000;
/** The memory of a dry run's engine: its one or two sources, in memory. */
const trialMemoryBytes = 512 * 1024 * 1024;

/**
 * The indicator editor of this server: dry runs and checks in the compute
 * worker's entry (a process each), bounded by a memory of at most 512 MiB (or
 * the computing budget, when smaller), the computations' query timeout and
 * two minutes in all; saves queue computations through the scheduler.
 */
export function createIndicatorEditor(db: AppDatabase, computations: ServerComputations, settings: ComputationSettings): IndicatorEditor {
  const memory = Math.max(64 * 1024 * 1024, Math.min(trialMemoryBytes, settings.memoryBudgetBytes));
  return new WorkspaceIndicatorEditor({
    db,
    requestComputation: (municipalityId, indicatorIds) => computations.scheduler.request(municipalityId, 'change', indicatorIds),
    worker: { workerPath: computeWorkerPath(), timeoutMs: trialTimeoutMs, cwd: repositoryRoot },
    trial: { memoryLimit: `${Math.floor(memory / (1024 * 1024))}MB`, queryTimeoutMs: settings.queryTimeoutMs },
    owner: `${hostname()}:${process.pid}`,
  });
}
