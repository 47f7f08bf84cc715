import type { Grant, Role } from '@koers/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../database';
import { fromJsonColumn, toJsonColumn } from './json-column';

/** Someone who signs in to Koers, with what they may do where. */
export interface User {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly grants: readonly Grant[];
}

/** A user to save: how they sign in, and their grants (which replace the stored ones). */
export interface NewUser extends User {
  /** The argon2id hash of their password; null or left out: no password sign-in. */
  readonly passwordHash?: string | null;
  /** The identity provider's issuer and subject, once they signed in through it. */
  readonly oidc?: { readonly issuer: string; readonly subject: string } | null;
}

/** A user as found for signing in: with the password hash to verify. */
export interface UserCredentials {
  readonly user: User;
  readonly passwordHash: string | null;
}

/**
 * Adds users or updates them by id, each with exactly the grants given, in one
 * transaction. E-mail addresses are unique (without regard to case).
 */
export async function saveUsers(db: Kysely<Database>, users: readonly NewUser[]): Promise<void> {
  if (users.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const user of users) {
      // What a save changes; a password or identity left out stays as it is.
      const update = {
        name: user.name,
        ...(user.passwordHash === undefined ? {} : { password_hash: user.passwordHash }),
        ...(user.oidc === undefined ? {} : { oidc_issuer: user.oidc?.issuer ?? null, oidc_subject: user.oidc?.subject ?? null }),
      };
      const email = normalizeEmail(user.email);
      await trx
        .insertInto('users')
        .values({ id: user.id, email, ...update })
        .onConflict((conflict) => conflict.column('id').doUpdateSet(update))
        .execute();
      // The e-mail address is indexed (unique): written only when it changes, since DuckDB rewrites an index entry on every update of its column.
      await trx.updateTable('users').set({ email }).where('id', '=', user.id).where('email', '<>', email).execute();
      await trx.deleteFrom('grants').where('user_id', '=', user.id).execute();
      if (user.grants.length > 0) {
        await trx
          .insertInto('grants')
          .values(
            user.grants.map((grant) => ({
              user_id: user.id,
              municipality_id: grant.municipalityId,
              role: grant.role,
              team: grant.team ?? null,
              portfolio: grant.portfolio === undefined || grant.portfolio === null ? null : toJsonColumn(grant.portfolio),
            })),
          )
          .execute();
      }
    }
  });
}

/** Every user with their grants, by e-mail address. */
export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  const rows = await db.selectFrom('users').select(['id', 'name', 'email']).orderBy('email').execute();
  const grants = await grantsOf(db, rows.map((row) => row.id));
  return rows.map((row) => ({ ...row, grants: grants.get(row.id) ?? [] }));
}

/** The user with this e-mail address (without regard to case) and their password hash, or undefined. */
export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserCredentials | undefined> {
  const row = await db.selectFrom('users').select(['id', 'name', 'email', 'password_hash']).where('email', '=', normalizeEmail(email)).executeTakeFirst();
  if (row === undefined) return undefined;
  return { user: { id: row.id, name: row.name, email: row.email, grants: (await grantsOf(db, [row.id])).get(row.id) ?? [] }, passwordHash: row.password_hash };
}

/** The user with this id, with their grants, or undefined. */
export async function findUserById(db: Kysely<Database>, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').select(['id', 'name', 'email']).where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : { ...row, grants: (await grantsOf(db, [row.id])).get(row.id) ?? [] };
}

/** The user an identity provider's subject was linked to, or undefined. */
export async function findUserByOidcSubject(db: Kysely<Database>, issuer: string, subject: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').select('id').where('oidc_issuer', '=', issuer).where('oidc_subject', '=', subject).executeTakeFirst();
  return row === undefined ? undefined : findUserById(db, row.id);
}

/** Links a user to an identity provider's subject, so later sign-ins find them by it. */
export async function linkOidcSubject(db: Kysely<Database>, userId: string, issuer: string, subject: string): Promise<void> {
  await db.updateTable('users').set({ oidc_issuer: issuer, oidc_subject: subject }).where('id', '=', userId).execute();
}

async function grantsOf(db: Kysely<Database>, userIds: readonly string[]): Promise<Map<string, Grant[]>> {
  const grants = new Map<string, Grant[]>();
  if (userIds.length === 0) return grants;
  const rows = await db
    .selectFrom('grants')
    .select(['user_id', 'municipality_id', 'role', 'team', 'portfolio'])
    .where('user_id', 'in', userIds)
    .orderBy('municipality_id')
    .orderBy('role')
    .execute();
  for (const row of rows) {
    const list = grants.get(row.user_id) ?? [];
    // Only saveUsers writes these columns, from a typed Role and a list of names.
    list.push({
      municipalityId: row.municipality_id,
      role: row.role as Role,
      ...(row.team === null ? {} : { team: row.team }),
      ...(row.portfolio === null ? {} : { portfolio: fromJsonColumn<string[]>(row.portfolio) }),
    });
    grants.set(row.user_id, list);
  }
  return grants;
}

/** E-mail addresses compare without regard to case or surrounding space. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
