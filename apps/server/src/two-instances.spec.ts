// Two server processes on one PostgreSQL database: the same data, sessions and
// computations shared, and a computation of an instance killed with -9 taken over by the other.
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDatabase, type TestDatabase } from '@koers/persistence/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { repositoryRoot } from './server.env';
import { apiClient, signIn } from './server.testing';

interface Instance {
  readonly baseUrl: string;
  readonly process: ChildProcess;
  output(): string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

describe('two server instances on one PostgreSQL database', () => {
  let folder: string;
  let database: TestDatabase;
  const instances: Instance[] = [];

  async function startInstance(name: string): Promise<Instance> {
    const port = await freePort();
    let log = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
      cwd: repositoryRoot,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: database.location,
        KOERS_DEMO_DIR: join(folder, 'demo'),
        KOERS_DASHBOARD_DIR: join(folder, 'dashboard'),
        KOERS_ENGINE_DIR: join(folder, `engines-${name}`),
        // Both instances serve the same workspace folders, as several instances must.
        KOERS_WORKSPACES_DIR: join(folder, 'workspaces'),
        KOERS_SESSION_SECRET: 'het gedeelde geheim van beide instanties',
        KOERS_WATCH_SECONDS: '0',
        KOERS_COMPUTE_STALE_SECONDS: '3',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const baseUrl = `http://127.0.0.1:${port}`;
    await expect
      .poll(async () => (await fetch(`${baseUrl}/health`).catch(() => null))?.status, { timeout: 90_000, interval: 250 })
      .toBe(200);
    const instance = { baseUrl, process: child, output: () => log };
    instances.push(instance);
    return instance;
  }

  const computations = async () =>
    (await database.db.selectFrom('computations').select(['municipality_id', 'trigger', 'status', 'claimed_by', 'error']).orderBy('requested_at').execute()).map(
      (row) => ({ ...row }),
    );

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'koers-two-instances-'));
    for (const municipality of ['uithoorn', 'diemen']) {
      await cp(join(repositoryRoot, 'data/demo', municipality), join(folder, 'demo', municipality), { recursive: true });
    }
    database = await openTestDatabase('postgres', inject('postgresUrl'));
  }, 60_000);

  afterAll(async () => {
    for (const instance of instances) if (instance.process.exitCode === null) instance.process.kill('SIGKILL');
    await database?.remove();
    await rm(folder, { recursive: true, force: true });
  });

  it('serves the same data from both, shares sessions, and computes each municipality once, on either', async () => {
    const first = await startInstance('a');
    const second = await startInstance('b');
    const isIdle = async () => (await computations()).every((row) => row.status === 'succeeded' || row.status === 'failed');
    await expect.poll(isIdle, { timeout: 120_000, interval: 250 }).toBe(true);
    // The second started while the first computed: it added no second computation of the same files.
    expect((await computations()).map((row) => `${row.municipality_id} ${row.status}`).sort()).toEqual(['diemen succeeded', 'uithoorn succeeded']);

    // Signed in on one, known on the other: the session lives in the database.
    const cookie = await signIn(first.baseUrl, 'college@demo.koers.nl');
    const viaFirst = await apiClient(first.baseUrl, cookie).overview.get.query({ municipalityId: 'uithoorn' });
    expect(viaFirst.computation.state).toBe('ready');
    // Each instance's cache follows the database's count of changes within a second.
    await expect.poll(() => apiClient(second.baseUrl, cookie).overview.get.query({ municipalityId: 'uithoorn' }), { timeout: 5_000 }).toEqual(viaFirst);

    // A change through the second (a computation asked for) is seen through the first, whose cache follows the database.
    const dataCookie = await signIn(second.baseUrl, 'data@demo.koers.nl');
    await apiClient(second.baseUrl, dataCookie).computations.run.mutate({ municipalityId: 'diemen' });
    await expect.poll(async () => (await computations()).filter((row) => row.status === 'succeeded').length, { timeout: 120_000 }).toBe(3);
    const seen = await apiClient(first.baseUrl, cookie).computations.list.query({ municipalityId: 'diemen' }).catch(() => null);
    // The college may not list computations; the data team may, on either instance.
    expect(seen).toBeNull();
    const listed = await apiClient(first.baseUrl, await signIn(first.baseUrl, 'data@demo.koers.nl')).computations.list.query({ municipalityId: 'diemen' });
    expect(listed[0]).toMatchObject({ trigger: 'request', status: 'succeeded' });
    const overview = await apiClient(first.baseUrl, cookie).overview.get.query({ municipalityId: 'diemen' });
    expect(overview.computation.lastFinishedAt).toBe(listed[0]?.finishedAt);
  }, 300_000);

  it('lets the other instance take over when the computing one is killed with -9', async () => {
    const [first, second] = instances;
    if (first === undefined || second === undefined) throw new Error('the first test starts both instances');
    const dataCookie = await signIn(first.baseUrl, 'data@demo.koers.nl');
    await apiClient(first.baseUrl, dataCookie).computations.run.mutate({ municipalityId: 'uithoorn' });

    // Find the instance that took it, by the process id in its owner name, and kill it outright.
    let owner = '';
    await expect
      .poll(
        async () => {
          const slot = await database.db.selectFrom('computation_slots').select(['owner', 'computation_id']).where('municipality_id', '=', 'uithoorn').executeTakeFirst();
          owner = slot?.computation_id === null ? '' : (slot?.owner ?? '');
          return owner;
        },
        { timeout: 30_000, interval: 50 },
      )
      .not.toBe('');
    const pid = Number(owner.split(':').at(-1));
    const killed = instances.find((instance) => instance.process.pid === pid);
    const survivor = instances.find((instance) => instance !== killed);
    expect(killed).toBeDefined();
    killed?.process.kill('SIGKILL');

    await expect
      .poll(async () => (await computations()).filter((row) => row.municipality_id === 'uithoorn').map((row) => [row.trigger, row.status]).slice(-2), {
        timeout: 120_000,
        interval: 250,
      })
      .toEqual([
        ['request', 'failed'],
        ['recovery', 'succeeded'],
      ]);
    const rows = (await computations()).filter((row) => row.municipality_id === 'uithoorn');
    expect(rows.at(-2)?.error).toContain('reageert niet meer');
    expect(rows.at(-1)?.claimed_by).toBe(`${rows.at(-1)?.claimed_by?.split(':')[0]}:${survivor?.process.pid}`);
    expect(survivor?.output()).toContain('wordt overgenomen');
    // The survivor still serves.
    const cookie = await signIn(survivor?.baseUrl ?? '', 'college@demo.koers.nl');
    expect((await apiClient(survivor?.baseUrl ?? '', cookie).overview.get.query({ municipalityId: 'uithoorn' })).computation.state).toBe('ready');
  }, 300_000);
});
