import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import { findUserByEmail, findUserByOidcSubject, linkOidcSubject, type AppDatabase } from '@koers/persistence';
import type { AuthSettings } from '../server-settings';
import { setSessionCookie } from './session-cookie';
import type { SessionService } from './session-service';

/** The short-lived cookie that carries PKCE verifier, state and nonce from the login to the callback. */
const flowCookie = 'koers_oidc';
const flowMaxAgeSeconds = 600;

interface Flow {
  readonly verifier: string;
  readonly state: string;
  readonly nonce: string;
}

/**
 * OpenID Connect sign-in with the municipality's identity provider:
 * authorization code with PKCE, state and nonce (`openid-client`).
 * `GET /auth/oidc/login` sends the browser to the provider; its
 * `GET /auth/oidc/callback` checks the answer, finds the user (by the
 * provider's subject, else once by a verified e-mail address, which links the
 * two), starts a session and opens the dashboard. Anything wrong ends on the
 * sign-in page with a reason (`/aanmelden?fout=...`); nobody unknown to Koers
 * gets in.
 */
export async function registerOidcRoutes(
  app: FastifyInstance,
  settings: AuthSettings,
  ready: () => { readonly db: AppDatabase; readonly sessions: SessionService },
  log: { warn(line: string): void },
): Promise<void> {
  const provider = settings.oidc;
  if (provider === null) {
    const notConfigured = async (_request: FastifyRequest, reply: FastifyReply) =>
      reply.status(404).send({ error: 'Aanmelden via een identiteitsprovider is op deze installatie niet ingesteld.' });
    app.get('/auth/oidc/login', notConfigured);
    app.get('/auth/oidc/callback', notConfigured);
    return;
  }
  let configuration: Promise<oidc.Configuration> | undefined;
  const discover = (): Promise<oidc.Configuration> => {
    const issuer = new URL(provider.issuer);
    // A provider on this machine (tests, development) may speak plain http; any other must use https.
    const isLoopback = ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
    configuration ??= oidc
      .discovery(issuer, provider.clientId, provider.clientSecret, undefined, isLoopback ? { execute: [oidc.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };
  const callbackUrl = (request: FastifyRequest) => `${request.protocol}://${request.host}/auth/oidc/callback`;
  const failed = (reply: FastifyReply, reason: 'mislukt' | 'geen-toegang') => reply.redirect(`/aanmelden?fout=${reason}`, 303);

  app.get('/auth/oidc/login', async (request, reply) => {
    let config: oidc.Configuration;
    try {
      config = await discover();
    } catch (error) {
      log.warn(`De identiteitsprovider ${provider.issuer} antwoordt niet: ${(error as Error).message}`);
      return failed(reply, 'mislukt');
    }
    const flow: Flow = { verifier: oidc.randomPKCECodeVerifier(), state: oidc.randomState(), nonce: oidc.randomNonce() };
    reply.setCookie(flowCookie, JSON.stringify(flow), {
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      path: '/auth/oidc',
      maxAge: flowMaxAgeSeconds,
    });
    const target = oidc.buildAuthorizationUrl(config, {
      redirect_uri: callbackUrl(request),
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return reply.redirect(target.href, 303);
  });

  app.get('/auth/oidc/callback', async (request, reply) => {
    const flow = readFlow(request);
    reply.clearCookie(flowCookie, { path: '/auth/oidc' });
    if (flow === undefined) return failed(reply, 'mislukt');
    let claims: oidc.IDToken | undefined;
    let email: unknown;
    let isEmailVerified: unknown;
    try {
      const config = await discover();
      const currentUrl = new URL(request.url, `${request.protocol}://${request.host}`);
      const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
      });
      claims = tokens.claims();
      const fromToken: Readonly<Record<string, unknown>> = claims ?? {};
      [email, isEmailVerified] = [fromToken['email'], fromToken['email_verified']];
      // Many providers put the e-mail address only in the userinfo answer, not in the ID token.
      if (claims !== undefined && email === undefined) {
        ({ email, email_verified: isEmailVerified } = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub));
      }
    } catch (error) {
      log.warn(`Aanmelden via ${provider.issuer} mislukt: ${(error as Error).message}`);
      return failed(reply, 'mislukt');
    }
    if (claims === undefined) return failed(reply, 'mislukt');
    const { db, sessions } = ready();
    let user = await findUserByOidcSubject(db, claims.iss, claims.sub);
    if (user === undefined && typeof email === 'string' && isEmailVerified !== false) {
      user = (await findUserByEmail(db, email))?.user;
      if (user !== undefined) await linkOidcSubject(db, user.id, claims.iss, claims.sub);
    }
    if (user === undefined || user.grants.length === 0) return failed(reply, 'geen-toegang');
    const session = await sessions.startSession(user.id, 'oidc');
    setSessionCookie(request, reply, session.secret, session.expiresAt);
    return reply.redirect('/', 303);
  });
}

function readFlow(request: FastifyRequest): Flow | undefined {
  const raw = request.cookies[flowCookie];
  if (raw === undefined) return undefined;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return undefined;
  try {
    const flow = JSON.parse(unsigned.value) as Partial<Flow>;
    return typeof flow.verifier === 'string' && typeof flow.state === 'string' && typeof flow.nonce === 'string'
      ? { verifier: flow.verifier, state: flow.state, nonce: flow.nonce }
      : undefined;
  } catch {
    return undefined;
  }
}
