import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readServerSettings, repositoryRoot } from './server.env';

describe('readServerSettings', () => {
  it('defaults to port 3000 on loopback, the database under var/ and demo mode', () => {
    expect(readServerSettings({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      databasePath: join(repositoryRoot, 'var/koers.duckdb'),
      isDemo: true,
      dashboardDirectory: join(repositoryRoot, 'dist/apps/dashboard/browser'),
      demoDirectory: join(repositoryRoot, 'data/demo'),
    });
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
