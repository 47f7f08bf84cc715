import { join } from 'node:path';
import type { AppRouter } from '@koers/api';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { ServerLog } from './koers.server';
import type { ServerSettings } from './server-settings';

/** Settings for a server in a test: port 0 on 127.0.0.1, everything under `folder`, demo mode, no watching. */
export function testSettings(folder: string, overrides: Partial<ServerSettings> = {}): ServerSettings {
  return {
    port: 0,
    host: '127.0.0.1',
    database: { kind: 'duckdb', path: join(folder, 'var', 'koers.duckdb') },
    isDemo: true,
    isBenchmark: false,
    dashboardDirectory: join(folder, 'dashboard'),
    demoDirectory: join(folder, 'demo'),
    workspacesDirectory: join(folder, 'var', 'workspaces'),
    computation: {
      engineDirectory: join(folder, 'var', 'engines'),
      memoryBudgetBytes: 512 * 1024 * 1024,
      concurrency: 1,
      timeoutMs: 120_000,
      queryTimeoutMs: 30_000,
      watchIntervalMs: 0,
      staleAfterMs: 30_000,
    },
    auth: {
      sessionSecret: 'a test secret of at least thirty-two characters',
      sessionMs: 3_600_000,
      allowedOrigins: [],
      oidc: null,
      signInLimits: { perAccount: 10, perAddress: 50, windowMs: 15 * 60_000 },
      isBehindProxy: false,
    },
    sources: { uploadLimitBytes: 2 ** 30, versionsDirectory: join(folder, 'var', 'source-versions') },
    ...overrides,
  };
}

/** Collects what the server prints, so a test can read it. */
export function collectingLog(): ServerLog & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (line) => lines.push(line), warn: (line) => lines.push(line), error: (line) => lines.push(line) };
}

/** Signs in as a demo user through `POST /auth/login`; resolves to the session cookie to send along. */
export async function signIn(baseUrl: string, email: string, password = 'koers-demo'): Promise<string> {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`signing in as ${email} answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] ?? '';
}

/** The typed tRPC client of the server at `baseUrl`, sending `cookie` (a signed-in session) with every request. */
export function apiClient(baseUrl: string, cookie?: string) {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/trpc`, headers: () => ({ ...(cookie === undefined ? {} : { cookie }), origin: baseUrl }) })],
  });
}
