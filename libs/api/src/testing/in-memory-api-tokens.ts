import type { ApiTokens, ApiTokenSummary, CreatedApiToken, Viewer } from '@koers/domain';

/**
 * Personal API tokens in memory, for tests of the real `appRouter`: each
 * viewer's own, with secrets `koers_proef<n>` (never listed again). Every
 * viewer starts with one active token, `token-1`.
 */
export class InMemoryApiTokens implements ApiTokens {
  private readonly byUser = new Map<string, ApiTokenSummary[]>();
  private sequence = 1;

  constructor(private readonly now: () => Date = () => new Date('2026-11-30T12:00:00Z')) {}

  async list(by: Viewer): Promise<readonly ApiTokenSummary[]> {
    return this.tokensOf(by);
  }

  async create(by: Viewer, name: string): Promise<CreatedApiToken> {
    this.sequence += 1;
    const secret = `koers_proef${this.sequence}${'x'.repeat(32)}`;
    const token: ApiTokenSummary = { id: `token-${this.sequence}`, name, prefix: secret.slice(0, 10), createdAt: this.now().toISOString(), lastUsedAt: null, revokedAt: null };
    this.byUser.set(by.userId, [token, ...this.tokensOf(by)]);
    return { token, secret };
  }

  async revoke(by: Viewer, tokenId: string): Promise<boolean> {
    const tokens = this.tokensOf(by);
    if (!tokens.some((token) => token.id === tokenId && token.revokedAt === null)) return false;
    this.byUser.set(
      by.userId,
      tokens.map((token) => (token.id === tokenId ? { ...token, revokedAt: this.now().toISOString() } : token)),
    );
    return true;
  }

  private tokensOf(by: Viewer): ApiTokenSummary[] {
    const tokens = this.byUser.get(by.userId);
    if (tokens !== undefined) return tokens;
    const first: ApiTokenSummary[] = [{ id: 'token-1', name: 'Nachtelijke import', prefix: 'koers_proe', createdAt: '2026-10-01T08:00:00.000Z', lastUsedAt: '2026-11-29T02:00:00.000Z', revokedAt: null }];
    this.byUser.set(by.userId, first);
    return first;
  }
}
