// Public API of the computation lib: see README.md.
export type { ComputationRequest } from './lib/computation-request';
export { computeMunicipality } from './lib/compute-municipality';
export { runComputeWorker } from './lib/compute-worker.main';
export { ComputationFailedError, computeInWorker, type WorkerOptions } from './lib/compute-in-worker';
export { ComputationScheduler, type SchedulerOptions } from './lib/computation-scheduler';
export { fingerprintOf, watchWorkspaces } from './lib/workspace-watcher';
