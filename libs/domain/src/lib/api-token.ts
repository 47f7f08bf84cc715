import type { Viewer } from './role';

/** A personal API token as its owner sees it: never its secret, which is shown once. */
export interface ApiTokenSummary {
  readonly id: string;
  readonly name: string;
  /** The secret's first characters (`koers_AbC1`), to tell tokens apart. */
  readonly prefix: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

/** A token just made: its summary and its secret, which is shown this once and kept only as a hash. */
export interface CreatedApiToken {
  readonly token: ApiTokenSummary;
  readonly secret: string;
}

/**
 * Personal API tokens, for the data team's own scripts (`Authorization:
 * Bearer …`). A token acts as its owner with the grants the owner has when it
 * is used; a revoked one signs no one in. The server implements it; every
 * change is recorded in the audit trail.
 */
export interface ApiTokens {
  /** The viewer's own tokens, newest first, revoked ones included. */
  list(by: Viewer): Promise<readonly ApiTokenSummary[]>;
  create(by: Viewer, name: string): Promise<CreatedApiToken>;
  /** Revokes one of the viewer's own tokens; false when they have none by that id. */
  revoke(by: Viewer, tokenId: string): Promise<boolean>;
}
