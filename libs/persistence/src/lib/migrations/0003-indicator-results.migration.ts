import type { Kysely, Migration } from 'kysely';

/**
 * What the server computes and keeps: every computation as a record (when,
 * why, what it used, how it ended), and per indicator its last good report
 * with the status of each value, the definition it came from and, when the
 * latest computation failed on it, that problem. Also where each
 * municipality's workspace is, and a hash of its program structure, so a
 * computation re-imports the programs only when they changed.
 */
export const indicatorResultsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('municipalities').addColumn('workspace_root', 'text').execute();
    await db.schema.alterTable('municipalities').addColumn('structure_hash', 'text').execute();

    await db.schema
      .createTable('computations')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('municipality_id', 'text', (column) => column.notNull())
      .addColumn('trigger', 'text', (column) => column.notNull())
      .addColumn('started_at', 'timestamptz', (column) => column.notNull())
      .addColumn('finished_at', 'timestamptz')
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('error', 'text')
      .addColumn('inputs', 'text')
      .addColumn('problems', 'text', (column) => column.notNull().defaultTo('[]'))
      .addColumn('indicator_count', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('failed_count', 'integer', (column) => column.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('computations_municipality_idx').on('computations').columns(['municipality_id', 'started_at']).execute();

    await db.schema
      .createTable('indicator_results')
      .addColumn('municipality_id', 'text', (column) => column.notNull())
      .addColumn('indicator_id', 'text', (column) => column.notNull())
      .addColumn('position', 'integer', (column) => column.notNull())
      .addColumn('definition', 'text', (column) => column.notNull())
      .addColumn('report', 'text')
      .addColumn('statuses', 'text', (column) => column.notNull().defaultTo('[]'))
      .addColumn('computation_id', 'text')
      .addColumn('problem', 'text')
      .addPrimaryKeyConstraint('indicator_results_pk', ['municipality_id', 'indicator_id'])
      .execute();
    await db.schema.createIndex('indicator_results_indicator_idx').on('indicator_results').column('indicator_id').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('indicator_results').execute();
    await db.schema.dropTable('computations').execute();
    await db.schema.alterTable('municipalities').dropColumn('structure_hash').execute();
    await db.schema.alterTable('municipalities').dropColumn('workspace_root').execute();
  },
};
