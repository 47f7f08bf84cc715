// Public API of the computation lib: see README.md.
export type { ComputationRequest } from './lib/computation-request';
export { computeMunicipality } from './lib/compute-municipality';
export { runComputeWorker } from './lib/compute-worker.main';
export { ComputationFailedError, checkInWorker, computeInWorker, dryRunInWorker, type WorkerOptions } from './lib/compute-in-worker';
export { checkWorkspaceDefinitions, dryRunIndicator, type CheckRequest, type DryRunOutcome, type DryRunRequest, type TrialBounds } from './lib/dry-run';
export { ComputationScheduler, type SchedulerOptions } from './lib/computation-scheduler';
export { changedIndicators, fingerprintOf, watchWorkspaces } from './lib/workspace-watcher';
