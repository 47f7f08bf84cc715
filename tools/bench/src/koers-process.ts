import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repositoryRoot } from '../../repository-root.mjs';

/** The real server, as `npm start` runs it, on a scratch folder that outlives the process (for restarts). */
export interface KoersProcess {
  readonly baseUrl: string;
  /** The server's process id (what `npm start` runs is the server itself), to read its memory or kill it. */
  readonly pid: number;
  /** Everything it printed so far. */
  output(): string;
  /** Waits until `/health` says no municipality is computing, or fails past `timeoutMs`. */
  whenComputed(timeoutMs: number): Promise<void>;
  /** `kill -9`: no shutdown, no flush; waits until the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts `node tools/node-build/src/start.mjs` (what `npm start` runs: the
 * built server, rebuilt first when a source changed) with every folder in
 * `scratch`: database, workspaces, engines, kept source versions, and the
 * demo municipalities from `scratch/demo` unless `environment` names others. Resolves
 * once `/health` answers 200 (not yet computed: see `whenComputed`).
 */
export async function startKoers(scratch: string, environment: Readonly<Record<string, string>> = {}, startTimeoutMs = 300_000): Promise<KoersProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['tools/node-build/src/start.mjs'], {
    cwd: repositoryRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KOERS_DATABASE: join(scratch, 'koers.duckdb'),
      KOERS_DEMO_DIR: join(scratch, 'demo'),
      KOERS_WORKSPACES_DIR: join(scratch, 'workspaces'),
      KOERS_ENGINE_DIR: join(scratch, 'engines'),
      KOERS_SOURCE_VERSIONS_DIR: join(scratch, 'source-versions'),
      KOERS_WATCH_SECONDS: '0',
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const isRunning = () => child.exitCode === null && child.signalCode === null;
  const health = () =>
    fetch(`${baseUrl}/health`)
      .then((response) => (response.ok ? (response.json() as Promise<{ computing: string[] }>) : null))
      .catch(() => null);
  const process_: KoersProcess = {
    baseUrl,
    pid: child.pid ?? 0,
    output: () => log,
    async whenComputed(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (!isRunning()) throw new Error(`the server stopped (exit ${child.exitCode ?? child.signalCode}):\n${log}`);
        const answer = await health();
        if (answer !== null && answer.computing.length === 0) return;
        await sleep(100);
      }
      throw new Error(`the server did not finish computing within ${timeoutMs / 1000} s:\n${log.slice(-3_000)}`);
    },
    async kill9() {
      if (isRunning()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (isRunning()) child.kill('SIGTERM');
      await exited;
    },
  };
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning()) throw new Error(`the server stopped (exit ${child.exitCode ?? child.signalCode}):\n${log}`);
    if ((await health()) !== null) return process_;
    await sleep(100);
  }
  await process_.kill9();
  throw new Error(`the server did not answer /health within ${startTimeoutMs / 1000} s:\n${log.slice(-3_000)}`);
}

/** Signs in with a demo user's password; the session cookie to send along. */
export async function signInAs(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password: 'koers-demo' }),
  });
  if (!response.ok) throw new Error(`signing in as ${email} answered ${response.status}: ${await response.text()}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** Calls a tRPC procedure over plain HTTP (a query with GET, a mutation with POST) and returns its data. */
export async function trpc<T>(baseUrl: string, cookie: string, path: string, input: unknown, kind: 'query' | 'mutation' = 'query'): Promise<T> {
  const url = `${baseUrl}/trpc/${path}${kind === 'query' ? `?input=${encodeURIComponent(JSON.stringify(input))}` : ''}`;
  const response = await fetch(url, {
    method: kind === 'query' ? 'GET' : 'POST',
    headers: { cookie, origin: baseUrl, 'content-type': 'application/json' },
    ...(kind === 'mutation' ? { body: JSON.stringify(input) } : {}),
  });
  const body = (await response.json()) as { result?: { data: T }; error?: { message: string } };
  if (body.result === undefined) throw new Error(`${path} answered ${response.status}: ${body.error?.message ?? JSON.stringify(body)}`);
  return body.result.data;
}

/** Resident memory of a process in bytes, from `/proc/<pid>/status` (Linux); undefined when it is gone. */
export async function residentBytes(pid: number): Promise<number | undefined> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  const match = status === undefined ? null : /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match === null ? undefined : Number(match[1]) * 1024;
}

/**
 * Resident memory of a process and all its descendants (the engine's worker
 * and preview processes), in bytes, from `/proc` (Linux); 0 when it is gone.
 */
export async function treeResidentBytes(pid: number): Promise<number> {
  const { readdir, readFile } = await import('node:fs/promises');
  const own = (await residentBytes(pid)) ?? 0;
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const children = new Set<number>();
  for (const task of tasks) {
    const listed = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    for (const child of listed.split(' ').filter((word) => word.trim() !== '')) children.add(Number(child));
  }
  let total = own;
  for (const child of children) total += await treeResidentBytes(child);
  return total;
}

export function sleep(milliseconds: number): Promise<void> {
  return new Promise((wake) => setTimeout(wake, milliseconds));
}

/** A free TCP port on 127.0.0.1, for a server to listen on. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no free port'))));
    });
  });
}
