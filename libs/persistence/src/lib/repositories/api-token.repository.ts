import type { ApiTokenSummary } from '@koers/domain';
import type { Kysely, Selectable } from 'kysely';
import type { ApiTokenTable, Database } from '../database';
import { recordAudit } from './audit-log.repository';

/** A token to store: its hash only, never its secret. */
export interface NewApiToken {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly prefix: string;
  /** sha256 (hex) of the secret. */
  readonly tokenHash: string;
  readonly createdAt: Date;
  /** Who made it, for the audit trail (the owner's e-mail). */
  readonly actor: string;
}

/** Stores a new token and its audit entry in one transaction. */
export async function createApiToken(db: Kysely<Database>, token: NewApiToken): Promise<ApiTokenSummary> {
  const row: Selectable<ApiTokenTable> = {
    id: token.id,
    user_id: token.userId,
    name: token.name,
    prefix: token.prefix,
    token_hash: token.tokenHash,
    created_at: token.createdAt.toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('api_tokens').values(row).execute();
    await recordAudit(trx, { actor: token.actor, municipalityId: null, entity: 'api_token', entityId: token.id, action: 'create', before: null, after: { name: token.name, prefix: token.prefix } });
  });
  return toSummary(row);
}

/** The owner of the token with this hash, when it exists and is not revoked. */
export async function findActiveApiToken(db: Kysely<Database>, tokenHash: string): Promise<{ readonly id: string; readonly userId: string } | undefined> {
  const row = await db.selectFrom('api_tokens').select(['id', 'user_id']).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
  return row === undefined ? undefined : { id: row.id, userId: row.user_id };
}

/** A user's tokens, newest first, revoked ones included. */
export async function listApiTokens(db: Kysely<Database>, userId: string): Promise<ApiTokenSummary[]> {
  const rows = await db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toSummary);
}

/** Revokes one of a user's own tokens, with its audit entry; false when the user has no active token by that id. */
export async function revokeApiToken(db: Kysely<Database>, revoke: { readonly id: string; readonly userId: string; readonly at: Date; readonly actor: string }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: revoke.at.toISOString() })
      .where('id', '=', revoke.id)
      .where('user_id', '=', revoke.userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await recordAudit(trx, { actor: revoke.actor, municipalityId: null, entity: 'api_token', entityId: revoke.id, action: 'revoke', before: null, after: null });
    return true;
  });
}

/** Notes that a token was used (shown to its owner as "last used"). */
export async function touchApiToken(db: Kysely<Database>, id: string, at: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at.toISOString() }).where('id', '=', id).execute();
}

function toSummary(row: Selectable<ApiTokenTable>): ApiTokenSummary {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at };
}
