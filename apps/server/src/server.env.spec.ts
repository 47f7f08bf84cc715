import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultEngineMemoryBytes, readServerSettings, repositoryRoot } from './server.env';

describe('readServerSettings', () => {
  it('defaults to port 3000 on loopback, the database under var/ and demo mode', () => {
    expect(readServerSettings({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      databasePath: join(repositoryRoot, 'var/koers.duckdb'),
      isDemo: true,
      dashboardDirectory: join(repositoryRoot, 'dist/apps/dashboard/browser'),
      demoDirectory: join(repositoryRoot, 'data/demo'),
      isBenchmark: false,
      computation: {
        engineDirectory: join(repositoryRoot, 'var/engines'),
        memoryBudgetBytes: defaultEngineMemoryBytes,
        concurrency: 1,
        timeoutMs: 600_000,
        queryTimeoutMs: 30_000,
        watchIntervalMs: 5_000,
      },
    });
    expect(defaultEngineMemoryBytes).toBeLessThanOrEqual(4 * 2 ** 30);
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
    expect(settings.databasePath).toBe(join(repositoryRoot, 'tmp/test.duckdb'));
    expect(settings.dashboardDirectory).toBe('/srv/koers');
  });

  it('reads KOERS_DEMO=false and a PORT', () => {
    expect(readServerSettings({ KOERS_DEMO: 'false', PORT: '8080' })).toMatchObject({ isDemo: false, port: 8080 });
  });

  it('names every wrong variable at once', () => {
    expect(() => readServerSettings({ PORT: 'drieduizend', KOERS_DEMO: 'misschien' })).toThrow(
      /PORT: must be a port number from 0 to 65535.*\n {2}KOERS_DEMO: must be true or false/,
    );
  });
});
