import type { Municipality } from '@koers/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../database';

/** Every municipality this installation serves, by name. */
export async function listMunicipalities(db: Kysely<Database>): Promise<Municipality[]> {
  return db.selectFrom('municipalities').select(['id', 'name']).orderBy('name').orderBy('id').execute();
}

/** Whether any municipality is stored yet: false means a fresh database. */
export async function hasMunicipalities(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('municipalities').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Adds the municipality, or renames it when it is already stored. */
export async function saveMunicipality(db: Kysely<Database>, municipality: Municipality): Promise<void> {
  await db
    .insertInto('municipalities')
    .values(municipality)
    .onConflict((conflict) => conflict.column('id').doUpdateSet({ name: municipality.name }))
    .execute();
}
