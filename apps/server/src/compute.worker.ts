// The compute worker: a child process the server forks for each computation
// (see @koers/computation), so a runaway query or a crash of DuckDB never takes
// the server down. Bundled beside the server as compute.worker.mjs.
import { isEngineHostProcess, serveEngineHost } from '@koers/kpi';
import { runComputeWorker } from '@koers/computation';

// Bundled, the engine's own DuckDB process runs this entry again (libs/kpi README, "The engine's process"): it serves the engine, and never returns.
if (isEngineHostProcess()) await serveEngineHost();
runComputeWorker();
