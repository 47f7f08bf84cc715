import { sql, type Kysely } from 'kysely';
import type { Database } from '../database';

/** Counts one more change the API reads; call it in the transaction that makes the change. */
export async function bumpDataVersion(trx: Kysely<Database>): Promise<void> {
  await trx
    .updateTable('data_version')
    .set({ version: sql<number>`version + 1` })
    .where('id', '=', 1)
    .execute();
}

/** How many changes the API reads have been made, by any instance: a cache built at another number is stale. */
export async function readDataVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('data_version').select('version').where('id', '=', 1).executeTakeFirst();
  return Number(row?.version ?? 0);
}
