import { sampleViewer } from '@koers/api/testing';
import type { Viewer } from '@koers/domain';

/** The password of every in-memory account, as in the demo. */
export const testPassword = 'koers-demo';

/** The server's session and sign-in routes, in memory. */
export interface InMemoryAuth {
  /** Who the router sees as signed in; null for nobody. */
  viewer: Viewer | null;
  /** Whom `POST /auth/login` accepts (password {@link testPassword}), by e-mail address. */
  readonly accounts: Map<string, Viewer>;
  /** When true, every request fails on the way, as with the server out of reach. */
  isUnreachable: boolean;
  /** When set, the next sign-in answers 429 with this `Retry-After` (seconds). */
  rateLimitSeconds: number | null;
  /** Every request, as `POST /auth/login`, with its `X-Koers-Request` header. */
  readonly requests: { readonly call: string; readonly koersRequest: string | null }[];
  /** Answers `/auth/login` and `/auth/logout` as the server does; anything else is a 404. */
  readonly fetch: typeof fetch;
  /** Keeps the answers back until the returned function is called, to see a busy state. */
  hold(): () => void;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/**
 * `POST /auth/login` and `POST /auth/logout` answering in memory with the
 * server's statuses and bodies (`apps/server/src/auth/auth.routes.ts`): 200
 * `{ user }`, 400 `{ error, fields }`, 401 `{ error }`, 429 with
 * `Retry-After`, 204. Accounts: one per role in every sample municipality
 * (`college@proef.koers.example`, ...), and `college-uithoorn@proef.koers.example`.
 */
export function inMemoryAuthRoutes(initial: Viewer | null): InMemoryAuth {
  const accounts = new Map<string, Viewer>();
  for (const role of ['admin', 'college', 'data_team', 'team_lead', 'council'] as const) {
    const viewer = sampleViewer(role);
    accounts.set(viewer.email, viewer);
  }
  accounts.set('college-uithoorn@proef.koers.example', { ...sampleViewer('college', ['uithoorn']), email: 'college-uithoorn@proef.koers.example' });
  let gate: Promise<void> | null = null;
  const auth: InMemoryAuth = {
    hold: () => {
      let release: () => void = () => undefined;
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
    viewer: initial,
    isUnreachable: false,
    accounts,
    rateLimitSeconds: null,
    requests: [],
    fetch: async (input, init) => {
      const path = String(input);
      const method = init?.method ?? 'GET';
      const headers = new Headers(init?.headers);
      auth.requests.push({ call: `${method} ${path}`, koersRequest: headers.get('x-koers-request') });
      if (gate) await gate;
      if (auth.isUnreachable) throw new TypeError('Failed to fetch');
      if (method === 'POST' && path === '/auth/logout') {
        auth.viewer = null;
        return new Response(null, { status: 204 });
      }
      if (method !== 'POST' || path !== '/auth/login') return json(404, { error: 'Niet gevonden.' });
      if (auth.rateLimitSeconds !== null) {
        const seconds = auth.rateLimitSeconds;
        auth.rateLimitSeconds = null;
        return json(429, { error: 'Te veel mislukte aanmeldpogingen.' }, { 'retry-after': String(seconds) });
      }
      const body = JSON.parse(String(init?.body ?? '{}')) as { email?: string; password?: string };
      const fields = [
        ...(!body.email ? [{ path: 'email', message: 'vul uw e-mailadres in' }] : !body.email.includes('@') ? [{ path: 'email', message: 'is geen e-mailadres' }] : []),
        ...(!body.password ? [{ path: 'password', message: 'vul uw wachtwoord in' }] : []),
      ];
      if (fields.length > 0) {
        return json(400, { error: `Aanmelden mislukt: ${fields.map((field) => `${field.path}: ${field.message}`).join('; ')}.`, fields });
      }
      const viewer = accounts.get((body.email ?? '').trim().toLowerCase());
      if (viewer === undefined || body.password !== testPassword) return json(401, { error: 'Het e-mailadres of het wachtwoord klopt niet.' });
      auth.viewer = viewer;
      return json(200, { user: viewer });
    },
  };
  return auth;
}
