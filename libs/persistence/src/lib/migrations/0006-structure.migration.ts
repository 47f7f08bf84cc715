import { type Kysely, type Migration, sql } from 'kysely';
import { isPostgres } from './database-kind';

/** The links between structure tables, as foreign keys: child table, its columns, and the parent they point at. */
const links = [
  { name: 'effects_program_fk', table: 'effects', columns: ['municipality_id', 'program_id'], parent: 'programs' },
  { name: 'tasks_program_fk', table: 'tasks', columns: ['municipality_id', 'program_id'], parent: 'programs' },
  { name: 'actions_task_fk', table: 'actions', columns: ['municipality_id', 'task_id'], parent: 'tasks' },
  { name: 'task_effects_task_fk', table: 'task_effects', columns: ['municipality_id', 'task_id'], parent: 'tasks' },
  { name: 'task_effects_effect_fk', table: 'task_effects', columns: ['municipality_id', 'effect_id'], parent: 'effects' },
  { name: 'effect_indicators_effect_fk', table: 'effect_indicators', columns: ['municipality_id', 'effect_id'], parent: 'effects' },
] as const;

/**
 * What a long-lived installation needs of its structure: the budget year a
 * municipality's programs belong to (`programmabegroting 2026`), and foreign
 * keys between programs, effects, tasks and actions.
 *
 * The foreign keys exist on PostgreSQL only, deferred to the end of the
 * transaction. DuckDB checks a foreign key against the rows as they were when
 * its transaction began, so it refuses to remove a program and its effects in
 * one transaction (tested), which every import that drops a program must do;
 * there the import keeps the references whole itself, as the workspace
 * loader checks them before. An effect's link to an indicator has no foreign
 * key on either: an indicator whose file fails to read is left out of the
 * workspace for a while, and the effect keeps pointing at it.
 */
export const structureMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('municipalities').addColumn('budget_year', 'integer').execute();
    await db.schema.alterTable('programs').addColumn('budget_year', 'integer').execute();
    if (!(await isPostgres(db))) return;
    for (const link of links) {
      await sql`alter table ${sql.table(link.table)} add constraint ${sql.ref(link.name)}
        foreign key (${sql.join(link.columns.map((column) => sql.ref(column)))}) references ${sql.table(link.parent)} (municipality_id, id)
        deferrable initially deferred`.execute(db);
    }
  },

  async down(db: Kysely<unknown>): Promise<void> {
    if (await isPostgres(db)) {
      for (const link of [...links].reverse()) await sql`alter table ${sql.table(link.table)} drop constraint ${sql.ref(link.name)}`.execute(db);
    }
    await db.schema.alterTable('programs').dropColumn('budget_year').execute();
    await db.schema.alterTable('municipalities').dropColumn('budget_year').execute();
  },
};
