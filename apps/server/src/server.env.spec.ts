import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultEngineMemoryBytes, readServerSettings, repositoryRoot } from './server.env';

describe('readServerSettings', () => {
  it('defaults to port 3000 on loopback, the database under var/ and demo mode', () => {
    const settings = readServerSettings({});
    expect(settings).toEqual({
      port: 3000,
      host: '127.0.0.1',
      database: { kind: 'duckdb', path: join(repositoryRoot, 'var/koers.duckdb') },
      isDemo: true,
      dashboardDirectory: join(repositoryRoot, 'dist/apps/dashboard/browser'),
      demoDirectory: join(repositoryRoot, 'data/demo'),
      workspacesDirectory: join(repositoryRoot, 'var/workspaces'),
      isBenchmark: false,
      computation: {
        engineDirectory: join(repositoryRoot, 'var/engines'),
        memoryBudgetBytes: defaultEngineMemoryBytes,
        concurrency: 1,
        timeoutMs: 600_000,
        queryTimeoutMs: 30_000,
        watchIntervalMs: 5_000,
        staleAfterMs: 30_000,
      },
      auth: {
        sessionSecret: expect.stringMatching(/^.{64}$/),
        sessionMs: 12 * 3_600_000,
        allowedOrigins: [],
        oidc: null,
        signInLimits: { perAccount: 10, perAddress: 50, windowMs: 15 * 60_000 },
        isBehindProxy: false,
      },
      sources: { uploadLimitBytes: 2 ** 30, versionsDirectory: join(repositoryRoot, 'var/source-versions') },
    });
    expect(defaultEngineMemoryBytes).toBeLessThanOrEqual(4 * 2 ** 30);
    // Demo mode makes up a session secret of its own, a new one every start.
    expect(readServerSettings({}).auth.sessionSecret).not.toBe(settings.auth.sessionSecret);
  });

  it('refuses to start outside demo mode without a session secret of its own', () => {
    expect(() => readServerSettings({ KOERS_DEMO: 'false' })).toThrow(/KOERS_SESSION_SECRET: must be set outside demo mode/);
    expect(() => readServerSettings({ KOERS_DEMO: 'false', KOERS_SESSION_SECRET: 'kort' })).toThrow(/KOERS_SESSION_SECRET: must be at least 32 characters/);
    const secret = 'een geheim van deze installatie, lang genoeg';
    expect(readServerSettings({ KOERS_DEMO: 'false', KOERS_SESSION_SECRET: secret }).auth.sessionSecret).toBe(secret);
  });

  it('reads PostgreSQL from DATABASE_URL, and the identity provider only whole', () => {
    expect(readServerSettings({ DATABASE_URL: 'postgres://koers:geheim@db:5432/koers' }).database).toEqual({
      kind: 'postgres',
      connectionString: 'postgres://koers:geheim@db:5432/koers',
    });
    expect(() => readServerSettings({ DATABASE_URL: 'mysql://db/koers' })).toThrow(/DATABASE_URL: must be a PostgreSQL URL/);
    expect(() => readServerSettings({ KOERS_OIDC_ISSUER: 'https://login.uithoorn.nl' })).toThrow(/set all three, or none/);
    expect(
      readServerSettings({ KOERS_OIDC_ISSUER: 'https://login.uithoorn.nl', KOERS_OIDC_CLIENT_ID: 'koers', KOERS_OIDC_CLIENT_SECRET: 's' }).auth.oidc,
    ).toEqual({ issuer: 'https://login.uithoorn.nl', clientId: 'koers', clientSecret: 's', label: 'Aanmelden met uw gemeenteaccount' });
    expect(() => readServerSettings({ KOERS_ALLOWED_ORIGINS: 'koers.uithoorn.nl' })).toThrow(/KOERS_ALLOWED_ORIGINS: must be origins/);
  });

  it('reads the computation settings: a memory budget in GB or MiB, timeouts in seconds, watching off with 0', () => {
    expect(readServerSettings({ KOERS_ENGINE_MEMORY: '2GB', KOERS_WATCH_SECONDS: '0', KOERS_COMPUTE_TIMEOUT_SECONDS: '60' }).computation).toMatchObject({
      memoryBudgetBytes: 2e9,
      watchIntervalMs: 0,
      timeoutMs: 60_000,
    });
    expect(readServerSettings({ KOERS_ENGINE_MEMORY: '512MiB' }).computation.memoryBudgetBytes).toBe(512 * 2 ** 20);
    expect(() => readServerSettings({ KOERS_ENGINE_MEMORY: 'veel', KOERS_COMPUTE_CONCURRENCY: '0' })).toThrow(
      /KOERS_ENGINE_MEMORY: must be a size such as 4GB or 512MB\n {2}KOERS_COMPUTE_CONCURRENCY: must be a whole number of 1 or more/,
    );
  });

  it('resolves relative paths against the repository root and keeps absolute ones', () => {
    const settings = readServerSettings({ KOERS_DATABASE: 'tmp/test.duckdb', KOERS_DASHBOARD_DIR: '/srv/koers' });
    expect(settings.database).toEqual({ kind: 'duckdb', path: join(repositoryRoot, 'tmp/test.duckdb') });
    expect(settings.dashboardDirectory).toBe('/srv/koers');
  });

  it('reads KOERS_DEMO=false and a PORT', () => {
    expect(readServerSettings({ KOERS_DEMO: 'false', PORT: '8080', KOERS_SESSION_SECRET: 'x'.repeat(32) })).toMatchObject({ isDemo: false, port: 8080 });
  });

  it('names every wrong variable at once', () => {
    expect(() => readServerSettings({ PORT: 'drieduizend', KOERS_DEMO: 'misschien' })).toThrow(
      /PORT: must be a port number from 0 to 65535.*\n {2}KOERS_DEMO: must be true or false/,
    );
  });
});
