import type { Kysely, Migration } from 'kysely';

/**
 * The work people do in Koers beside the figures. A grant says more of what
 * its role covers: a team lead's `team` (the owner name its actions carry)
 * and a college member's `portfolio` (a JSON list of portfolio holders; null
 * for every portfolio of the municipality). Neither column is indexed, so
 * DuckDB may update them in place.
 *
 * The college's commentary per effect per quarter is kept with every version:
 * a save adds a row (version + 1) and never updates one, so the history stays
 * whole and DuckDB never rewrites a key.
 */
export const workMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('grants').addColumn('team', 'text').execute();
    await db.schema.alterTable('grants').addColumn('portfolio', 'text').execute();
    await db.schema
      .createTable('effect_commentary')
      .addColumn('municipality_id', 'text', (column) => column.notNull())
      .addColumn('effect_id', 'text', (column) => column.notNull())
      .addColumn('quarter', 'text', (column) => column.notNull())
      .addColumn('version', 'integer', (column) => column.notNull())
      .addColumn('text', 'text', (column) => column.notNull())
      .addColumn('author_email', 'text', (column) => column.notNull())
      .addColumn('author_name', 'text', (column) => column.notNull())
      .addColumn('written_at', 'timestamptz', (column) => column.notNull())
      .addPrimaryKeyConstraint('effect_commentary_pk', ['municipality_id', 'effect_id', 'quarter', 'version'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('effect_commentary').execute();
    await db.schema.alterTable('grants').dropColumn('portfolio').execute();
    await db.schema.alterTable('grants').dropColumn('team').execute();
  },
};
