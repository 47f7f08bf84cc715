import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from '../cli/koers-runner';

/** The real Koers server, as `npm start` runs it, on a free port of 127.0.0.1 with a database of its own. */
export interface ServerProcess {
  readonly baseUrl: string;
  /** What it printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the server with the demo workspaces and waits until `/health`
 * answers 200 with nothing left to compute: then every municipality's results
 * are stored.
 */
export async function startServerProcess(timeoutMs = 240_000): Promise<ServerProcess> {
  const scratch = mkdtempSync(join(tmpdir(), 'koers-contract-server-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: repositoryRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KOERS_DATABASE: join(scratch, 'koers.duckdb'),
      KOERS_ENGINE_DIR: join(scratch, 'engines'),
      KOERS_WORKSPACES_DIR: join(scratch, 'workspaces'),
      KOERS_DASHBOARD_DIR: join(scratch, 'dashboard'),
      KOERS_WATCH_SECONDS: '0',
      KOERS_DEMO: 'true',
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
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The Koers server stopped (exit ${child.exitCode}) before it was ready:\n${log}`);
    }
    const health = await fetch(`${baseUrl}/health`)
      .then((response) => (response.ok ? (response.json() as Promise<{ computing?: string[] }>) : null))
      .catch(() => null);
    if (health !== null && health.computing?.length === 0) return { baseUrl, output: () => log, stop };
    await new Promise((wait) => setTimeout(wait, 250));
  }
  await stop();
  throw new Error(`The Koers server did not finish computing within ${timeoutMs / 1000} s:\n${log}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
