// A compute worker for the tests of this lib, started through tsx like the server's own.
import { runComputeWorker } from '../compute-worker.main';

if (process.env['KOERS_TEST_WORKER_CRASH'] === 'abort') process.abort();
runComputeWorker();
