import { createServer as createHttpServer, type Server } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKoersServer, type KoersServer } from '../koers.server';
import { apiClient, collectingLog, testSettings } from '../server.testing';

/** The people the test identity provider knows; `bert` is unknown to Koers. */
const accounts: Readonly<Record<string, { email: string }>> = {
  'sub-anna': { email: 'college-uithoorn@demo.koers.nl' },
  'sub-bert': { email: 'bert@elders.example' },
};

/** A minimal cookie jar per origin, for following redirects across Koers and the provider the way a browser does. */
class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const { origin } = new URL(url);
    const cookies = [...(this.jar.get(origin) ?? new Map()).entries()].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookies ? { cookie: cookies } : {}) } });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const [name = '', ...rest] = pair.split('=');
      const jar = this.jar.get(origin) ?? new Map<string, string>();
      const value = rest.join('=');
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(header)) jar.delete(name);
      else jar.set(name, value);
      this.jar.set(origin, jar);
    }
    return response;
  }

  /** Follows GET redirects from `url` until the next one matches `stopAt` (not requested) or none is left. */
  async follow(url: string, stopAt: RegExp): Promise<string> {
    let current = url;
    for (let hop = 0; hop < 10; hop += 1) {
      const location = (await this.request(current)).headers.get('location');
      if (location === null) return current;
      current = new URL(location, current).href;
      if (stopAt.test(current)) return current;
    }
    throw new Error(`too many redirects from ${url}`);
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }
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

describe('signing in with the municipality identity provider (OpenID Connect, a real provider on 127.0.0.1)', () => {
  let folder: string;
  let server: KoersServer;
  let koersUrl: string;
  let issuer: string;
  let providerServer: Server;
  const log = collectingLog();

  beforeAll(async () => {
    const [koersPort, providerPort] = [await freePort(), await freePort()];
    koersUrl = `http://127.0.0.1:${koersPort}`;
    issuer = `http://127.0.0.1:${providerPort}`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'koers',
          client_secret: 'een-geheim-van-de-test',
          redirect_uris: [`${koersUrl}/auth/oidc/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      claims: { openid: ['sub'], email: ['email', 'email_verified'] },
      findAccount: async (_context, sub) => ({
        accountId: sub,
        claims: async () => ({ sub, email: accounts[sub]?.email, email_verified: true }),
      }),
      pkce: { required: () => true },
      cookies: { keys: ['sleutel-van-de-test'] },
    });
    providerServer = createHttpServer(provider.callback());
    await new Promise<void>((resolve) => providerServer.listen(providerPort, '127.0.0.1', resolve));

    folder = await mkdtemp(join(tmpdir(), 'koers-oidc-'));
    await mkdir(join(folder, 'demo/uithoorn'), { recursive: true });
    await writeFile(join(folder, 'demo/uithoorn/koers.yaml'), 'municipality: Uithoorn\n');
    const settings = testSettings(folder, { port: koersPort });
    server = createKoersServer({ ...settings, auth: { ...settings.auth, oidc: { issuer, clientId: 'koers', clientSecret: 'een-geheim-van-de-test', label: 'Gemeenteaccount' } } }, log);
    await server.listen();
    await server.prepare();
  });

  afterAll(async () => {
    await server?.close();
    await new Promise((resolve) => providerServer?.close(resolve));
    await rm(folder, { recursive: true, force: true });
  });

  /** Goes through the provider's login and consent as `accountId`; resolves to where the provider finally sends the browser. */
  async function signInAt(browser: Browser, accountId: string): Promise<URL> {
    const start = await browser.request(`${koersUrl}/auth/oidc/login`);
    expect(start.status).toBe(303);
    const authorization = new URL(start.headers.get('location') ?? '');
    expect(authorization.origin).toBe(issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('state')).not.toBeNull();
    expect(authorization.searchParams.get('nonce')).not.toBeNull();

    let url = await browser.follow(authorization.href, /\/interaction\//);
    for (const prompt of ['login', 'consent']) {
      const submitted = await browser.request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt, login: accountId }).toString(),
      });
      url = await browser.follow(new URL(submitted.headers.get('location') ?? '', url).href, /\/interaction\/|\/auth\/oidc\/callback/);
      if (url.includes('/auth/oidc/callback')) break;
    }
    return new URL(url);
  }

  it('offers the provider on the sign-in page', async () => {
    expect(await apiClient(koersUrl).system.info.query()).toMatchObject({ identityProvider: { label: 'Gemeenteaccount' } });
  });

  it('signs a known user in with PKCE, state and nonce, and links the provider to the account', async () => {
    const browser = new Browser();
    const callback = await signInAt(browser, 'sub-anna');
    expect(callback.searchParams.get('code')).not.toBeNull();
    const landed = await browser.request(callback.href);
    expect(landed.status).toBe(303);
    expect(landed.headers.get('location')).toBe('/');
    const session = browser.cookie(koersUrl, 'koers_session');
    expect(session).toBeDefined();
    const me = await apiClient(koersUrl, `koers_session=${session}`).session.me.query();
    expect(me).toMatchObject({ email: 'college-uithoorn@demo.koers.nl', grants: [{ municipalityId: 'uithoorn', role: 'college' }] });
  });

  it('refuses someone the provider knows but Koers does not, and a callback whose state does not match', async () => {
    const stranger = new Browser();
    const callback = await signInAt(stranger, 'sub-bert');
    const refused = await stranger.request(callback.href);
    expect(refused.headers.get('location')).toBe('/aanmelden?fout=geen-toegang');
    expect(stranger.cookie(koersUrl, 'koers_session')).toBeUndefined();

    const forger = new Browser();
    const genuine = await signInAt(forger, 'sub-anna');
    genuine.searchParams.set('state', 'vervalst');
    const forged = await forger.request(genuine.href);
    expect(forged.headers.get('location')).toBe('/aanmelden?fout=mislukt');
    expect(forger.cookie(koersUrl, 'koers_session')).toBeUndefined();

    // A callback without the flow's cookie (another browser) gets nowhere either.
    const replayed = await new Browser().request(callback.href);
    expect(replayed.headers.get('location')).toBe('/aanmelden?fout=mislukt');
  });
});
