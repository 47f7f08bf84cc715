import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseKinds, openTestDatabase, type TestDatabase } from '@koers/persistence/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createKoersServer, type KoersServer, maxBatchSize } from '../koers.server';
import { apiClient, collectingLog, signIn, testSettings } from '../server.testing';

describe.each(databaseKinds)('signing in, sessions and the API edge on %s', (kind) => {
  let folder: string;
  let server: KoersServer;
  let baseUrl: string;
  let log: ReturnType<typeof collectingLog>;
  let testDatabase: TestDatabase;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'koers-sign-in-'));
    await mkdir(join(folder, 'demo/uithoorn/programs'), { recursive: true });
    await writeFile(join(folder, 'demo/uithoorn/koers.yaml'), 'municipality: Uithoorn\n');
    await mkdir(join(folder, 'demo/diemen'), { recursive: true });
    await writeFile(join(folder, 'demo/diemen/koers.yaml'), 'municipality: Diemen\n');
    testDatabase = await openTestDatabase(kind, inject('postgresUrl'));
    // The server opens the database itself; the test's own connection stays for forcing a failure.
    const database = kind === 'duckdb' ? { kind, path: join(folder, 'koers.duckdb') } : { kind, connectionString: testDatabase.location };
    log = collectingLog();
    server = createKoersServer(testSettings(folder, { database: database as never }), log);
    baseUrl = await server.listen();
    await server.prepare();
  });

  afterAll(async () => {
    await server.close();
    await testDatabase.remove();
    await rm(folder, { recursive: true, force: true });
  });

  const login = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: baseUrl, ...headers }, body: JSON.stringify(body) });

  it('signs in with a password into an HttpOnly, SameSite=Lax session cookie, and knows who it is', async () => {
    const response = await login({ email: 'College@Demo.Koers.nl', password: 'koers-demo' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { email: 'college@demo.koers.nl', grants: expect.arrayContaining([{ municipalityId: 'uithoorn', role: 'college' }]) } });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^koers_session=[^;]+\.[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const me = await apiClient(baseUrl, cookie.split(';')[0]).session.me.query();
    expect(me?.email).toBe('college@demo.koers.nl');
    expect(await apiClient(baseUrl).session.me.query()).toBeNull();
  });

  it('answers 401 for a wrong password or an unknown address alike, and 400 naming the field for a malformed body', async () => {
    const wrong = await login({ email: 'college@demo.koers.nl', password: 'fout' });
    const unknown = await login({ email: 'niemand@demo.koers.nl', password: 'koers-demo' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await wrong.json()).toEqual(await unknown.json());
    const malformed = await login({ email: 'geen-adres', password: 42 });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ fields: [{ path: 'email', message: 'is geen e-mailadres' }, { path: 'password' }] });
  });

  it('rate limits failed sign-ins per account: 30 wrong passwords in a row end in 429, and then even the right one waits', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 30; attempt += 1) statuses.push((await login({ email: 'teamlead@demo.koers.nl', password: `fout-${attempt}` })).status);
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10).every((status) => status === 429)).toBe(true);
    const right = await login({ email: 'teamlead@demo.koers.nl', password: 'koers-demo' });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account from the same address is not locked out by it.
    expect((await login({ email: 'raad@demo.koers.nl', password: 'koers-demo' })).status).toBe(200);
  });

  it('ends the session on the server at sign-out: the same cookie, sent again, signs no one in', async () => {
    const cookie = await signIn(baseUrl, 'admin@demo.koers.nl');
    expect(await apiClient(baseUrl, cookie).municipalities.list.query()).toHaveLength(2);
    const logout = await fetch(`${baseUrl}/auth/logout`, { method: 'POST', headers: { cookie, origin: baseUrl } });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/koers_session=;/);
    // The viewer cache holds a looked-up session for a few seconds on other instances; this one forgets it at once.
    await expect(apiClient(baseUrl, cookie).municipalities.list.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED', httpStatus: 401 } });
  });

  it('answers 401 for a tampered session cookie', async () => {
    const cookie = await signIn(baseUrl, 'admin@demo.koers.nl');
    const [name, value = ''] = cookie.split('=');
    const tampered = `${name}=${value.replace(/^./, (first) => (first === 'A' ? 'B' : 'A'))}`;
    await expect(apiClient(baseUrl, tampered).municipalities.list.query()).rejects.toMatchObject({ data: { httpStatus: 401 } });
    const exported = await fetch(`${baseUrl}/api/uithoorn/indicators.json`, { headers: { cookie: tampered } });
    expect(exported.status).toBe(401);
  });

  it('lists only the municipalities the user holds a grant in, and refuses another municipality', async () => {
    const cookie = await signIn(baseUrl, 'college-uithoorn@demo.koers.nl');
    const api = apiClient(baseUrl, cookie);
    expect(await api.municipalities.list.query()).toEqual([{ id: 'uithoorn', name: 'Uithoorn' }]);
    await expect(api.overview.get.query({ municipalityId: 'diemen' })).rejects.toMatchObject({ data: { code: 'FORBIDDEN', httpStatus: 403 } });
    expect((await fetch(`${baseUrl}/api/diemen/indicators.json`, { headers: { cookie } })).status).toBe(403);
  });

  it('refuses a cross-site form post to a mutation with 403, multipart or text/plain, before it is read', async () => {
    const cookie = await signIn(baseUrl, 'data@demo.koers.nl');
    const form = new FormData();
    form.set('municipalityId', 'uithoorn');
    for (const body of [form, JSON.stringify({ municipalityId: 'uithoorn' })]) {
      const response = await fetch(`${baseUrl}/trpc/computations.run`, { method: 'POST', headers: { cookie, origin: 'https://kwaadwillend.example' }, body });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: expect.stringContaining('Geweigerd') });
    }
    const noOrigin = await fetch(`${baseUrl}/trpc/computations.run`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(noOrigin.status).toBe(403);
    expect(await apiClient(baseUrl, cookie).computations.run.mutate({ municipalityId: 'uithoorn' })).toEqual({ isQueued: true });
    // A script without an Origin says so with the header instead.
    const script = await fetch(`${baseUrl}/trpc/computations.run`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-koers-request': '1' },
      body: JSON.stringify({ municipalityId: 'uithoorn' }),
    });
    expect(script.status).toBe(200);
    // Sign-in and sign-out follow the same rule.
    expect((await login({ email: 'data@demo.koers.nl', password: 'koers-demo' }, { origin: 'https://kwaadwillend.example' })).status).toBe(403);
  });

  it('answers wrong types in an input with BAD_REQUEST and the field path', async () => {
    const cookie = await signIn(baseUrl, 'college@demo.koers.nl');
    const input = encodeURIComponent(JSON.stringify({ municipalityId: 'uithoorn', indicatorId: 12, period: '2025-Q9' }));
    const response = await fetch(`${baseUrl}/trpc/indicators.get?input=${input}`, { headers: { cookie } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain('"indicatorId"');
    expect(body.error.message).toContain('"period"');
  });

  it('refuses an oversized batch (400) and an oversized body (413)', async () => {
    const cookie = await signIn(baseUrl, 'college@demo.koers.nl');
    const calls = Array.from({ length: maxBatchSize + 1 }, () => 'system.info').join(',');
    const inputs = encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: maxBatchSize + 1 }, (_, index) => [index, null]))));
    expect((await fetch(`${baseUrl}/trpc/${calls}?batch=1&input=${inputs}`, { headers: { cookie } })).status).toBe(400);
    const huge = await fetch(`${baseUrl}/trpc/computations.run`, {
      method: 'POST',
      headers: { cookie, origin: baseUrl, 'content-type': 'application/json' },
      body: JSON.stringify({ municipalityId: 'uithoorn', filler: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
  });

  it('answers a database failure with a generic message and an id, the details only in the log, even while the context is made', async () => {
    if (kind === 'duckdb') return; // Forcing a failure needs a second connection to the database: PostgreSQL has one.
    // A session the server has not looked up yet: making the context must ask the (soon broken) database.
    const cookie = await signIn(baseUrl, 'admin@demo.koers.nl');
    const client = new pg.Client({ connectionString: testDatabase.location });
    await client.connect();
    try {
      await client.query('ALTER TABLE sessions RENAME TO sessions_weg');
      const inContext = await fetch(`${baseUrl}/trpc/programs.list?input=${encodeURIComponent(JSON.stringify({ municipalityId: 'uithoorn' }))}`, {
        headers: { cookie },
      });
      expect(inContext.status).toBe(500);
      const trpcError = ((await inContext.json()) as { error: { message: string } }).error.message;
      expect(trpcError).toMatch(/^Er ging iets mis op de server \(foutcode [0-9a-f]{8}\)/);
      expect(trpcError).not.toMatch(/sessions|relation|postgres/i);

      const route = await login({ email: 'admin@demo.koers.nl', password: 'koers-demo' });
      expect(route.status).toBe(500);
      const body = (await route.json()) as { error: string };
      expect(body.error).toMatch(/^Interne fout \(foutcode [0-9a-f]{8}\)/);
      expect(body.error).not.toMatch(/sessions|relation|postgres/i);
      for (const message of [trpcError, body.error]) {
        const errorId = /foutcode ([0-9a-f]{8})/.exec(message)?.[1];
        expect(log.lines).toContainEqual(`[fout ${errorId}]`);
      }
    } finally {
      await client.query('ALTER TABLE sessions_weg RENAME TO sessions').catch(() => undefined);
      await client.end();
    }
  });
});
