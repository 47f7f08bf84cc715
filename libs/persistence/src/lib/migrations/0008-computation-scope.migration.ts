import type { Kysely, Migration } from 'kysely';

/**
 * A computation may cover some indicators only: `indicator_ids` is a JSON
 * array of their ids, null for the whole municipality. A definition saved
 * through the web recomputes just that indicator, through the same queue and
 * slots as a whole computation; the column is not indexed, so widening a
 * waiting computation (an UPDATE) is safe on DuckDB too.
 */
export const computationScopeMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('computations').addColumn('indicator_ids', 'text').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('computations').dropColumn('indicator_ids').execute();
  },
};
