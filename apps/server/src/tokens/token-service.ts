import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ApiTokens, ApiTokenSummary, CreatedApiToken, Viewer } from '@koers/domain';
import { type AppDatabase, createApiToken, findActiveApiToken, findUserById, listApiTokens, revokeApiToken, touchApiToken } from '@koers/persistence';

/** Every token starts so, so a leaked one is recognisable in a log or a repository scan. */
export const tokenPrefix = 'koers_';

/** How often a token's "last used" is written, at most: a busy script does not write on every request. */
const touchEveryMs = 60_000;

/**
 * Personal API tokens: `koers_` and 32 random bytes (base64url), stored as
 * the sha256 of the whole secret, like sessions, so a copy of the database
 * signs no one in. A token is its owner: it carries the grants the owner holds
 * at the moment it is used (a grant taken away holds at once), and a revoked
 * token signs no one in.
 */
export class TokenService implements ApiTokens {
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly db: AppDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(by: Viewer): Promise<readonly ApiTokenSummary[]> {
    return listApiTokens(this.db, by.userId);
  }

  async create(by: Viewer, name: string): Promise<CreatedApiToken> {
    const secret = `${tokenPrefix}${randomBytes(32).toString('base64url')}`;
    const token = await createApiToken(this.db, {
      id: randomUUID(),
      userId: by.userId,
      name,
      prefix: secret.slice(0, tokenPrefix.length + 4),
      tokenHash: hashOf(secret),
      createdAt: this.now(),
      actor: by.email,
    });
    return { token, secret };
  }

  revoke(by: Viewer, tokenId: string): Promise<boolean> {
    return revokeApiToken(this.db, { id: tokenId, userId: by.userId, at: this.now(), actor: by.email });
  }

  /** The user a token's secret stands for, with their grants now; null for an unknown or revoked token. */
  async viewerOf(secret: string): Promise<Viewer | null> {
    if (!secret.startsWith(tokenPrefix)) return null;
    const token = await findActiveApiToken(this.db, hashOf(secret));
    if (token === undefined) return null;
    const user = await findUserById(this.db, token.userId);
    if (user === undefined) return null;
    const now = this.now().getTime();
    if ((this.touched.get(token.id) ?? 0) < now - touchEveryMs) {
      this.touched.set(token.id, now);
      await touchApiToken(this.db, token.id, new Date(now));
    }
    return { userId: user.id, name: user.name, email: user.email, grants: user.grants };
  }
}

/** The secret of an `Authorization: Bearer <secret>` header; undefined without one. */
export function bearerSecretOf(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

function hashOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
