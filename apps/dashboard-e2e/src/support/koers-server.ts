import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const workspaceRoot = resolve(import.meta.dirname, '../../../..');

/** A real Koers server (the one `npm start` runs) on a free port, with a database of its own. */
export interface RunningServer {
  readonly baseUrl: string;
  readonly databasePath: string;
  /** What the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`The Koers server stopped (exit ${server.exitCode}) before it was ready:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`The Koers server did not answer /health with 200 within 120 s:\n${output()}`);
}

/** Starts the server on 127.0.0.1 with the built dashboard and the demo workspaces, and waits until it is ready. */
export async function startServer(options: { databasePath?: string } = {}): Promise<RunningServer> {
  const scratch = mkdtempSync(join(tmpdir(), 'koers-e2e-'));
  const databasePath = options.databasePath ?? join(scratch, 'koers.duckdb');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const server = spawn(process.execPath, ['dist/apps/server/main.mjs'], {
    cwd: workspaceRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KOERS_DATABASE: databasePath,
      // Beside the database, so a restart on the same database finds them and two servers never share them.
      KOERS_ENGINE_DIR: join(dirname(databasePath), 'engines'),
      KOERS_WORKSPACES_DIR: join(dirname(databasePath), 'workspaces'),
      KOERS_SOURCE_VERSIONS_DIR: join(dirname(databasePath), 'source-versions'),
      KOERS_DEMO: 'true',
      KOERS_DASHBOARD_DIR: join(workspaceRoot, 'dist/apps/dashboard/browser'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await waitForHealth(baseUrl, server, () => log);
  return {
    baseUrl,
    databasePath,
    output: () => log,
    stop: async () => {
      if (server.exitCode === null) {
        const exited = new Promise((done) => server.once('exit', done));
        server.kill('SIGTERM');
        await exited;
      }
      if (!options.databasePath) rmSync(scratch, { recursive: true, force: true });
    },
  };
}
