import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from '../../../repository-root.mjs';


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
 * Starts the server as `npm start` runs it (plus `environment`), and waits
 * until every municipality is computed. The start-up figures include a build
 * only when a source changed since the last one.
 */
export async function startBenchServer(environment: Readonly<Record<string, string>>): Promise<BenchServer> {
  const scratch = mkdtempSync(join(tmpdir(), 'koers-bench-api-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const started = performance.now();
  // What `npm start` runs: the built server (and dashboard), rebuilt first when a source changed.
  const child: ChildProcess = spawn(process.execPath, ['tools/node-build/src/start.mjs'], {
    cwd: repositoryRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KOERS_DATABASE: join(scratch, 'koers.duckdb'),
      KOERS_ENGINE_DIR: join(scratch, 'engines'),
      KOERS_WORKSPACES_DIR: join(scratch, 'workspaces'),
      KOERS_WATCH_SECONDS: '0',
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(scratch, { recursive: true, force: true });
  };
  let healthMs: number | undefined;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server stopped (exit ${child.exitCode}):\n${log}`);
    const health = await fetch(`${baseUrl}/health`)
      .then((response) => (response.ok ? (response.json() as Promise<{ computing: string[] }>) : null))
      .catch(() => null);
    if (health !== null) {
      healthMs ??= performance.now() - started;
      if (health.computing.length === 0) {
        return { baseUrl, pid: child.pid ?? 0, startup: { healthMs, computedMs: performance.now() - started }, stop };
      }
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  await stop();
  throw new Error(`The server did not finish computing within 300 s:\n${log}`);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no free port'))));
    });
  });
}
