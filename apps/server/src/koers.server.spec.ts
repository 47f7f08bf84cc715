import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AppRouter } from '@koers/api';
import { openDatabase } from '@koers/persistence';
import { createTRPCClient, httpLink } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKoersServer, type KoersServer, type ServerLog } from './koers.server';
import type { ServerSettings } from './server.env';

const files: Readonly<Record<string, string>> = {
  'demo/uithoorn/koers.yaml': 'municipality: Uithoorn\n',
  'demo/uithoorn/programs/bestuur.yaml': [
    'title: Bestuur en organisatie',
    'portfolioHolders: [burgemeester]',
    'effects:',
    '  - id: keuzes-met-effect',
    '    title: Keuzes die effect creëren',
    'tasks:',
    '  - id: allianties',
    '    title: Investeer in allianties',
    '    effects: [keuzes-met-effect]',
    '    actions:',
    '      - { id: bestuurskrachtonderzoek, title: Bestuurskrachtonderzoek, kind: new, priority: basis }',
    '',
  ].join('\n'),
  'demo/uithoorn/programs/kapot.yaml': 'title: Kapot\nbudgett: 12\n',
  'demo/diemen/koers.yaml': 'municipality: Diemen\n',
  'dashboard/index.html': '<!doctype html><html lang="nl"><body><koers-root></koers-root></body></html>',
  'dashboard/main-ABCD1234.js': 'console.log("koers");',
  'dashboard/assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
};

/** Collects what the server prints, so a test can read it. */
function collectingLog(): ServerLog & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (line) => lines.push(line), warn: (line) => lines.push(line), error: (line) => lines.push(line) };
}

describe('the Koers server', () => {
  let folder: string;
  let settings: ServerSettings;
  let server: KoersServer;
  let baseUrl: string;
  let log: ReturnType<typeof collectingLog>;

  const api = () => createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseUrl}/trpc` })] });

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'koers-server-'));
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(folder, path)), { recursive: true });
      await writeFile(join(folder, path), text);
    }
    settings = {
      port: 0,
      host: '127.0.0.1',
      databasePath: join(folder, 'var', 'koers.duckdb'),
      isDemo: true,
      isBenchmark: false,
      dashboardDirectory: join(folder, 'dashboard'),
      demoDirectory: join(folder, 'demo'),
      computation: {
        engineDirectory: join(folder, 'var', 'engines'),
        memoryBudgetBytes: 256 * 1024 * 1024,
        concurrency: 1,
        timeoutMs: 60_000,
        queryTimeoutMs: 10_000,
        watchIntervalMs: 0,
      },
    };
    log = collectingLog();
    server = createKoersServer(settings, log);
    baseUrl = await server.listen();
  });

  afterAll(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('answers 503 "starting" on /health and the API until the database is ready, then 200', async () => {
    const starting = await fetch(`${baseUrl}/health`);
    expect(starting.status).toBe(503);
    expect(await starting.json()).toEqual({ status: 'starting' });
    expect((await fetch(`${baseUrl}/trpc/municipalities.list`)).status).toBe(503);

    await server.prepare();

    const ready = await fetch(`${baseUrl}/health`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', database: 'duckdb' });
    await server.whenComputed();
  });

  it('serves the imported programs over tRPC', async () => {
    const programs = await api().programs.list.query({ municipalityId: 'uithoorn' });
    expect(programs.map((program) => program.title)).toEqual(['Bestuur en organisatie']);
    expect(programs[0]?.tasks[0]?.actions[0]).toEqual({
      id: 'bestuurskrachtonderzoek',
      title: 'Bestuurskrachtonderzoek',
      kind: 'new',
      priority: 'basis',
    });
    expect(await api().municipalities.list.query()).toEqual([
      { id: 'diemen', name: 'Diemen' },
      { id: 'uithoorn', name: 'Uithoorn' },
    ]);
  });

  it('printed the problem in a demo workspace with file and line, skipped that item, and printed the sign-ins', () => {
    const problem = `${join(folder, 'demo/uithoorn/programs/kapot.yaml')}:2: budgett: unknown field "budgett"`;
    expect(log.lines).toContainEqual(expect.stringContaining(problem));
    const signIns = log.lines.find((line) => line.includes('Demo-aanmeldingen')) ?? '';
    expect(signIns).toContain(`Koers draait op ${baseUrl}`);
    expect(signIns).toContain('college@uithoorn.koers.example');
    expect(signIns.match(/koers\.example/g)).toHaveLength(8);
  });

  it('serves dashboard files with their content type and cache policy', async () => {
    const script = await fetch(`${baseUrl}/main-ABCD1234.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(await script.text()).toBe('console.log("koers");');
    const logo = await fetch(`${baseUrl}/assets/logo.svg`);
    expect(logo.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('answers a deep link with index.html, so the dashboard routes it', async () => {
    for (const path of ['/', '/uithoorn/programmas/bestuur']) {
      const page = await fetch(`${baseUrl}${path}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toContain('<koers-root>');
    }
  });

  it('answers 404 JSON for a missing file and an unknown procedure, 400 for a path out of the folder', async () => {
    const missing = await fetch(`${baseUrl}/chunk-MISSING1.js`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ path: '/chunk-MISSING1.js' });

    const unknown = await fetch(`${baseUrl}/trpc/bestaat.niet`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/json');

    expect((await fetch(`${baseUrl}/..%2f..%2fetc%2fpasswd`)).status).toBe(400);
    expect((await fetch(`${baseUrl}/`, { method: 'POST' })).status).toBe(405);
  });

  it('sends security headers on every response', async () => {
    for (const path of ['/', '/health', '/trpc/municipalities.list', '/nope.png']) {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    }
  });

  it('keeps the data on a restart with the same database, without importing it again', async () => {
    const before = await api().programs.list.query({ municipalityId: 'uithoorn' });
    await server.close();

    log = collectingLog();
    server = createKoersServer({ ...settings, port: 0 }, log);
    baseUrl = await server.listen();
    await server.prepare();

    expect(await api().programs.list.query({ municipalityId: 'uithoorn' })).toEqual(before);
    expect(await api().municipalities.list.query()).toHaveLength(2);
    expect(log.lines.some((line) => line.startsWith('Eerste start'))).toBe(false);
    const signIns = log.lines.find((line) => line.includes('Demo-aanmeldingen')) ?? '';
    expect(signIns.match(/koers\.example/g)).toHaveLength(8);
  });

  it('finishes the demo import on the next start when the first start stopped half-way', async () => {
    await server.close();
    // What a first start killed after the imports, before the users and the completion mark, leaves behind.
    const db = await openDatabase({ kind: 'duckdb', path: settings.databasePath });
    await db.deleteFrom('users').execute();
    await db.deleteFrom('audit_log').where('entity', '=', 'installation').execute();
    await db.destroy();

    log = collectingLog();
    server = createKoersServer({ ...settings, port: 0 }, log);
    baseUrl = await server.listen();
    await server.prepare();

    expect(log.lines.some((line) => line.startsWith('Eerste start'))).toBe(true);
    expect(await api().municipalities.list.query()).toHaveLength(2);
    const signIns = log.lines.find((line) => line.includes('Demo-aanmeldingen')) ?? '';
    expect(signIns.match(/koers\.example/g)).toHaveLength(8);
  });
});
