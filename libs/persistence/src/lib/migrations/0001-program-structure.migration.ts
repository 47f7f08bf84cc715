import type { Kysely, Migration } from 'kysely';

/**
 * The budget structure a workspace import writes: municipalities, programs,
 * effects, tasks, actions and indicators. Keys are the workspace ids plus the
 * municipality, since ids are unique within a municipality, not across.
 *
 * No foreign keys: DuckDB refuses to delete a referenced row and re-insert it
 * in one transaction, which is exactly what an atomic import does. The import
 * (and the workspace loader before it) keep the references whole instead.
 */
export const programStructureMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('municipalities')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('name', 'text', (column) => column.notNull())
      .execute();

    await db.schema
      .createTable('programs')
      .addColumn('municipality_id', 'text', (column) => column.notNull())
      .addColumn('id', 'text', (column) => column.notNull())
      .addColumn('position', 'integer', (column) => column.notNull())
      .addColumn('title', 'text', (column) => column.notNull())
      .addColumn('portfolio_holders', 'text', (column) => column.notNull().defaultTo('[]'))
      .addColumn('department', 'text')
      .addColumn('vision', 'text')
      .addColumn('policy_documents', 'text', (column) => column.notNull().defaultTo('[]'))
      .addColumn('source_file', 'text')
      .addPrimaryKeyConstraint('programs_pk', ['municipality_id', 'id'])
      .execute();

    for (const table of ['effects', 'tasks'] as const) {
      await db.schema
        .createTable(table)
        .addColumn('municipality_id', 'text', (column) => column.notNull())
        .addColumn('id', 'text', (column) => column.notNull())
        .addColumn('program_id', 'text', (column) => column.notNull())
        .addColumn('position', 'integer', (column) => column.notNull())
        .addColumn('title', 'text', (column) => column.notNull())
        .addColumn('description', 'text')
        .addPrimaryKeyConstraint(`${table}_pk`, ['municipality_id', 'id'])
        .execute();
      await db.schema.createIndex(`${table}_program_idx`).on(table).columns(['municipality_id', 'program_id']).execute();
    }

    await db.schema
      .createTable('effect_indicators')
      .addColumn('municipality_id', 'text', (column) => column.notNull())
      .addColumn('effect_id', 'text', (column) => column.notNull())
      .addColumn('indicator_id', 'text', (column) => column.notNull())
      .addColumn('position', 'integer', (column) => column.notNull())
      .addPrimaryKeyConstraint('effect_indicators_pk', ['municipality_id', 'effect_id', 'indicator_id'])
      .execute();

    await db.schema
      .createTable('task_effects')
      .addColumn('municipality_id', 'text', (column) => column.notNull())
      .addColumn('task_id', 'text', (column) => column.notNull())
      .addColumn('effect_id', 'text', (column) => column.notNull())
      .addColumn('position', 'integer', (column) => column.notNull())
      .addPrimaryKeyConstraint('task_effects_pk', ['municipality_id', 'task_id', 'effect_id'])
      .execute();

    await db.schema
      .createTable('actions')
      .addColumn('municipality_id', 'text', (column) => column.notNull())
      .addColumn('id', 'text', (column) => column.notNull())
      .addColumn('program_id', 'text', (column) => column.notNull())
      .addColumn('task_id', 'text', (column) => column.notNull())
      .addColumn('position', 'integer', (column) => column.notNull())
      .addColumn('title', 'text', (column) => column.notNull())
      .addColumn('description', 'text')
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('priority', 'text', (column) => column.notNull())
      .addColumn('owner', 'text')
      .addColumn('start_date', 'date')
      .addColumn('due_date', 'date')
      .addPrimaryKeyConstraint('actions_pk', ['municipality_id', 'id'])
      .execute();
    await db.schema.createIndex('actions_program_idx').on('actions').columns(['municipality_id', 'program_id']).execute();

    await db.schema
      .createTable('indicators')
      .addColumn('municipality_id', 'text', (column) => column.notNull())
      .addColumn('id', 'text', (column) => column.notNull())
      .addColumn('title', 'text', (column) => column.notNull())
      .addColumn('unit', 'text', (column) => column.notNull())
      .addColumn('definition', 'text', (column) => column.notNull())
      .addColumn('source_file', 'text')
      .addPrimaryKeyConstraint('indicators_pk', ['municipality_id', 'id'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['indicators', 'actions', 'task_effects', 'effect_indicators', 'tasks', 'effects']) {
      await db.schema.dropTable(table).execute();
    }
    await db.schema.dropTable('programs').execute();
    await db.schema.dropTable('municipalities').execute();
  },
};
