import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Computations become jobs any server instance may take: a requested
 * computation is a `queued` row; an instance claims it through the
 * municipality's slot (one row per municipality, taken by a conditional
 * update, so one computation at a time per municipality across instances),
 * keeps the slot's heartbeat while it computes, and frees it when done. A slot
 * whose heartbeat stopped (an instance killed) is taken over.
 *
 * `data_version` counts every change the API reads, so each instance knows
 * when its cached read models are stale, whichever instance made the change.
 */
export const computationJobsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('computations').addColumn('requested_at', 'timestamptz').execute();
    await db.schema.alterTable('computations').addColumn('claimed_by', 'text').execute();
    await sql`update computations set requested_at = started_at`.execute(db);
    // Claiming a computation updates started_at. DuckDB turns an update of an
    // indexed column into a delete and an insert in the index, which went wrong
    // under concurrent claims ("Failed to delete all rows from index"): the
    // index is on requested_at, which never changes once written.
    await db.schema.dropIndex('computations_municipality_idx').execute();
    await db.schema.createIndex('computations_requested_idx').on('computations').columns(['municipality_id', 'requested_at']).execute();

    await db.schema
      .createTable('computation_slots')
      .addColumn('municipality_id', 'text', (column) => column.primaryKey())
      .addColumn('computation_id', 'text')
      .addColumn('owner', 'text')
      .addColumn('heartbeat_at', 'timestamptz')
      .execute();

    await db.schema
      .createTable('data_version')
      .addColumn('id', 'integer', (column) => column.primaryKey())
      .addColumn('version', 'integer', (column) => column.notNull())
      .execute();
    await sql`insert into data_version (id, version) values (1, 0)`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('data_version').execute();
    await db.schema.dropTable('computation_slots').execute();
    await db.schema.dropIndex('computations_requested_idx').execute();
    await db.schema.createIndex('computations_municipality_idx').on('computations').columns(['municipality_id', 'started_at']).execute();
    await db.schema.alterTable('computations').dropColumn('claimed_by').execute();
    await db.schema.alterTable('computations').dropColumn('requested_at').execute();
  },
};
