import { createHash, randomBytes } from 'node:crypto';
import type { Viewer } from '@koers/domain';
import {
  type AppDatabase,
  clearSignInFailures,
  countSignInFailures,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  findSession,
  findUserByEmail,
  findUserById,
  normalizeEmail,
  recordSignInFailure,
  recordAudit,
} from '@koers/persistence';
import type { AuthSettings } from '../server-settings';
import { verifyPassword } from './password';

/** What a sign-in with a password came to. */
export type SignInResult =
  | { readonly kind: 'signed_in'; readonly secret: string; readonly expiresAt: Date; readonly viewer: Viewer }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'rate_limited'; readonly retryAfterSeconds: number };

/** How long a looked-up session is trusted before the database is asked again: a sign-out elsewhere holds within this. */
const viewerCacheMs = 5_000;

/**
 * Sessions: signing in (a password, or a user the identity provider vouched
 * for), who a session's cookie belongs to, and signing out. A session's
 * secret lives only in its cookie; the database keeps its sha256, so every
 * instance knows it and a copy of the database signs no one in.
 */
export class SessionService {
  private readonly viewers = new Map<string, { readonly viewer: Viewer | null; readonly until: number }>();

  constructor(
    private readonly db: AppDatabase,
    private readonly settings: AuthSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Signs in with e-mail and password. Failures count per account and per
   * address within the window; past the limit every attempt is refused (429),
   * whether the password is right or not, until the window has passed.
   */
  async signInWithPassword(email: string, password: string, address: string): Promise<SignInResult> {
    const now = this.now();
    const since = new Date(now.getTime() - this.settings.signInLimits.windowMs);
    const accountKey = `account:${normalizeEmail(email)}`;
    const addressKey = `address:${address}`;
    const [accountFailures, addressFailures] = await Promise.all([
      countSignInFailures(this.db, accountKey, since),
      countSignInFailures(this.db, addressKey, since),
    ]);
    if (accountFailures >= this.settings.signInLimits.perAccount || addressFailures >= this.settings.signInLimits.perAddress) {
      return { kind: 'rate_limited', retryAfterSeconds: Math.ceil(this.settings.signInLimits.windowMs / 1000) };
    }
    const found = await findUserByEmail(this.db, email);
    if (!(await verifyPassword(found?.passwordHash ?? null, password)) || found === undefined) {
      await recordSignInFailure(this.db, [accountKey, addressKey], now);
      return { kind: 'invalid' };
    }
    await clearSignInFailures(this.db, accountKey, since);
    return { kind: 'signed_in', ...(await this.startSession(found.user.id, 'password')) };
  }

  /** Starts a session for a user someone else vouched for (the identity provider). */
  async startSession(userId: string, method: 'password' | 'oidc'): Promise<{ secret: string; expiresAt: Date; viewer: Viewer }> {
    const user = await findUserById(this.db, userId);
    if (user === undefined) throw new Error(`user ${userId} does not exist`);
    const now = this.now();
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.settings.sessionMs);
    await createSession(this.db, { idHash: hashOf(secret), userId, createdAt: now, expiresAt });
    await recordAudit(this.db, { actor: user.email, municipalityId: null, entity: 'session', entityId: user.id, action: 'sign_in', before: null, after: { method } });
    // Expired sessions are removed now and then, not on every request.
    await deleteExpiredSessions(this.db, now);
    return { secret, expiresAt, viewer: viewerOf(user) };
  }

  /** Who the session with this secret belongs to; null when there is none, or it expired or ended. */
  async viewerOf(secret: string): Promise<Viewer | null> {
    const key = hashOf(secret);
    const cached = this.viewers.get(key);
    const now = this.now();
    if (cached !== undefined && cached.until > now.getTime()) return cached.viewer;
    const session = await findSession(this.db, key, now);
    const user = session === undefined ? undefined : await findUserById(this.db, session.userId);
    const viewer = user === undefined ? null : viewerOf(user);
    const until = Math.min(now.getTime() + viewerCacheMs, session === undefined ? Infinity : Date.parse(session.expiresAt));
    if (this.viewers.size > 10_000) this.viewers.clear();
    this.viewers.set(key, { viewer, until });
    return viewer;
  }

  /** Ends the session on every instance. */
  async signOut(secret: string): Promise<void> {
    const key = hashOf(secret);
    const viewer = await this.viewerOf(secret);
    await deleteSession(this.db, key);
    this.viewers.delete(key);
    if (viewer !== null) {
      await recordAudit(this.db, { actor: viewer.email, municipalityId: null, entity: 'session', entityId: viewer.userId, action: 'sign_out', before: null, after: null });
    }
  }
}

function hashOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function viewerOf(user: { id: string; name: string; email: string; grants: Viewer['grants'] }): Viewer {
  return { userId: user.id, name: user.name, email: user.email, grants: user.grants };
}
