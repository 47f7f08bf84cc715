import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openDatabase } from '@koers/persistence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKoersServer, type KoersServer } from './koers.server';
import type { ServerSettings } from './server-settings';
import { apiClient, collectingLog, signIn, testSettings } from './server.testing';

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
  'dashboard/chunk-LARGE123.js': `export const texts = ${JSON.stringify(Array.from({ length: 500 }, (_, index) => `tekst ${index}`))};`,
  'dashboard/assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
};

describe('the Koers server', () => {
  let folder: string;
  let settings: ServerSettings;
  let server: KoersServer;
  let baseUrl: string;
  let log: ReturnType<typeof collectingLog>;
  let cookie: string;

  const api = () => apiClient(baseUrl, cookie);

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'koers-server-'));
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(folder, path)), { recursive: true });
      await writeFile(join(folder, path), text);
    }
    settings = testSettings(folder);
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
    cookie = await signIn(baseUrl, 'college@demo.koers.nl');
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
    const problem = `${join(folder, 'var/workspaces/uithoorn/programs/kapot.yaml')}:2: budgett: unknown field "budgett"`;
    expect(log.lines).toContainEqual(expect.stringContaining(problem));
    const signIns = log.lines.find((line) => line.includes('Demo-aanmeldingen')) ?? '';
    expect(signIns).toContain(`Koers draait op ${baseUrl}`);
    expect(signIns).toContain('wachtwoord koers-demo');
    expect(signIns).toMatch(/college-uithoorn@demo\.koers\.nl +college +Uithoorn\n/);
    expect(signIns).toMatch(/admin@demo\.koers\.nl +admin +Diemen, Uithoorn/);
    expect(signIns.match(/@demo\.koers\.nl/g)).toHaveLength(6);
  });

  it('serves dashboard files with their content type, cache policy and ETag, compressed when asked', async () => {
    const script = await fetch(`${baseUrl}/main-ABCD1234.js`);
    expect(script.headers.get('content-type')).toMatch(/^(text|application)\/javascript; charset=utf-8$/);
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(await script.text()).toBe('console.log("koers");');
    const etag = script.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    // fetch adds `cache-control: no-cache` to a conditional request unless it has one: say what a browser revalidating says.
    expect((await fetch(`${baseUrl}/main-ABCD1234.js`, { headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' } })).status).toBe(304);
    const bundle = await fetch(`${baseUrl}/chunk-LARGE123.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(bundle.headers.get('content-encoding')).toBe('gzip');
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

    const outside = await fetch(`${baseUrl}/..%2f..%2fetc%2fpasswd`);
    expect(outside.status).toBeGreaterThanOrEqual(400);
    expect(await outside.text()).not.toContain('root:');
    expect((await fetch(`${baseUrl}/`, { method: 'POST', headers: { origin: baseUrl } })).status).toBe(404);
  });

  it('sends security headers on every response', async () => {
    for (const path of ['/', '/health', '/trpc/municipalities.list', '/nope.png', '/api/uithoorn/indicators.json']) {
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

    cookie = await signIn(baseUrl, 'college@demo.koers.nl');
    expect(await api().programs.list.query({ municipalityId: 'uithoorn' })).toEqual(before);
    expect(await api().municipalities.list.query()).toHaveLength(2);
    expect(log.lines.some((line) => line.startsWith('Eerste start'))).toBe(false);
    const signIns = log.lines.find((line) => line.includes('Demo-aanmeldingen')) ?? '';
    expect(signIns.match(/@demo\.koers\.nl/g)).toHaveLength(6);
  });

  it('finishes the demo import on the next start when the first start stopped half-way', async () => {
    await server.close();
    // What a first start killed after the imports, before the users and the completion mark, leaves behind.
    const db = await openDatabase(settings.database);
    await db.deleteFrom('audit_log').where('entity', '=', 'installation').execute();
    await db.destroy();

    log = collectingLog();
    server = createKoersServer({ ...settings, port: 0 }, log);
    baseUrl = await server.listen();
    await server.prepare();

    expect(log.lines.some((line) => line.startsWith('Eerste start'))).toBe(true);
    cookie = await signIn(baseUrl, 'college@demo.koers.nl');
    expect(await api().municipalities.list.query()).toHaveLength(2);
    const signIns = log.lines.find((line) => line.includes('Demo-aanmeldingen')) ?? '';
    expect(signIns.match(/@demo\.koers\.nl/g)).toHaveLength(6);
  });
});
