import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from '../../../repository-root.mjs';
import { startKoers } from '../koers-process';

/** The real Koers server process with the demo data, on a free port of 127.0.0.1 and a temp database. */
export interface BenchServer {
  readonly baseUrl: string;
  /** The server's process id, to read its memory. */
  readonly pid: number;
  /** Milliseconds from spawning the process to /health 200, and to every municipality computed. */
  readonly startup: { readonly healthMs: number; readonly computedMs: number };
  stop(): Promise<void>;
}

/**
 * Starts the server as `npm start` runs it (plus `environment`) on the
 * repository's demo data, everything it writes in a temp folder, and waits
 * until every municipality is computed. The start-up figures include a build
 * only when a source changed since the last one.
 */
export async function startBenchServer(environment: Readonly<Record<string, string>>): Promise<BenchServer> {
  const scratch = mkdtempSync(join(tmpdir(), 'koers-bench-api-'));
  const started = performance.now();
  try {
    const server = await startKoers(scratch, { KOERS_DEMO_DIR: join(repositoryRoot, 'data/demo'), ...environment });
    const healthMs = performance.now() - started;
    const stop = async () => {
      await server.stop();
      rmSync(scratch, { recursive: true, force: true });
    };
    try {
      await server.whenComputed(300_000);
    } catch (error) {
      await stop();
      throw error;
    }
    return { baseUrl: server.baseUrl, pid: server.pid, startup: { healthMs, computedMs: performance.now() - started }, stop };
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}
