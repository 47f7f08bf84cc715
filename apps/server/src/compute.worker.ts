// The compute worker: a child process the server forks for each computation
// (see @koers/computation), so a runaway query or a crash of DuckDB never takes
// the server down. Bundled beside the server as compute.worker.mjs.
import { runComputeWorker } from '@koers/computation';

runComputeWorker();
