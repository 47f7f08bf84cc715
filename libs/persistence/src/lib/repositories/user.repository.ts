import type { Role } from '@koers/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../database';

/** Someone who signs in to Koers. */
export interface User {
  readonly id: string;
  /** null: serves every municipality of the installation. */
  readonly municipalityId: string | null;
  readonly name: string;
  readonly email: string;
  readonly role: Role;
}

/** Adds users; an id or e-mail address that is already stored is an error. */
export async function insertUsers(db: Kysely<Database>, users: readonly User[]): Promise<void> {
  if (users.length === 0) return;
  await db
    .insertInto('users')
    .values(
      users.map((user) => ({
        id: user.id,
        municipality_id: user.municipalityId,
        name: user.name,
        email: user.email,
        role: user.role,
      })),
    )
    // Seeding again after an interrupted first start finds some users already there.
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
}

/** Every user, by municipality and e-mail address. */
export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('municipality_id').orderBy('email').execute();
  return rows.map((row) => ({
    id: row.id,
    municipalityId: row.municipality_id,
    name: row.name,
    email: row.email,
    // Only insertUsers writes this column, from a typed Role.
    role: row.role as Role,
  }));
}
