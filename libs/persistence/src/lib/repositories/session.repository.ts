import type { Kysely } from 'kysely';
import type { Database } from '../database';

/** A stored session: whose, and until when. */
export interface StoredSession {
  readonly userId: string;
  /** ISO 8601. */
  readonly expiresAt: string;
}

/** Stores a new session under the sha256 of its secret. */
export async function createSession(
  db: Kysely<Database>,
  session: { readonly idHash: string; readonly userId: string; readonly createdAt: Date; readonly expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      created_at: session.createdAt.toISOString(),
      expires_at: session.expiresAt.toISOString(),
      last_seen_at: session.createdAt.toISOString(),
    })
    .execute();
}

/** The session with this hash if it has not expired at `now`; undefined otherwise. */
export async function findSession(db: Kysely<Database>, idHash: string, now: Date): Promise<StoredSession | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select(['user_id', 'expires_at'])
    .where('id_hash', '=', idHash)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row === undefined ? undefined : { userId: row.user_id, expiresAt: row.expires_at };
}

/** Ends a session (sign-out): it no longer signs anyone in, on any instance. */
export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Removes the sessions that expired before `now`; returns how many. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Records one failed sign-in under each key (`account:<email>`, `address:<ip>`). */
export async function recordSignInFailure(db: Kysely<Database>, keys: readonly string[], at: Date): Promise<void> {
  await db
    .insertInto('sign_in_failures')
    .values(keys.map((key) => ({ key, occurred_at: at.toISOString() })))
    .execute();
}

/** How many sign-ins failed under `key` since `since`. */
export async function countSignInFailures(db: Kysely<Database>, key: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('sign_in_failures')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('key', '=', key)
    .where('occurred_at', '>', since.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Forgets the failures under `key` (after a successful sign-in) and all before `before`. */
export async function clearSignInFailures(db: Kysely<Database>, key: string, before: Date): Promise<void> {
  await db.deleteFrom('sign_in_failures').where((eb) => eb.or([eb('key', '=', key), eb('occurred_at', '<', before.toISOString())])).execute();
}
