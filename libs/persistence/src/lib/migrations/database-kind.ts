import { type Kysely, sql } from 'kysely';

/** Whether the database behind `db` is PostgreSQL (else the embedded DuckDB), for the few statements only one of them has. */
export async function isPostgres(db: Kysely<unknown>): Promise<boolean> {
  const { rows } = await sql<{ version: string }>`select version() as version`.execute(db);
  return rows[0]?.version.startsWith('PostgreSQL') ?? false;
}
