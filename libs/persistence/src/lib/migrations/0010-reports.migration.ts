import { type Kysely, type Migration, sql } from 'kysely';
import { isPostgres } from './database-kind';

/**
 * The council's quarterly reports, motions and questions (issue 9).
 *
 * - `reports`: where each quarter's report stands (draft, approved,
 *   published) and the version under way. Only its unindexed columns are
 *   ever updated, so DuckDB never rewrites a key.
 * - `report_versions`: every published version, its snapshot as JSON. Rows
 *   are only ever added: a correction is a new row. On PostgreSQL a trigger
 *   refuses UPDATE, DELETE and TRUNCATE, as it does for the audit trail.
 * - `report_explanations`: cause, consequence and correction of each
 *   exception, per version.
 * - `report_settings`: whether a municipality's published reports are public.
 * - `motions` (the numbered points as JSON, so changing them updates one
 *   unindexed column) and `motion_responses`: the college's response and
 *   status per point per quarter.
 * - `report_questions`: the council's questions and the college's answers.
 */
export const reportsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('reports')
      .addColumn('municipality_id', 'text', (column) => column.notNull())
      .addColumn('quarter', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('version', 'integer', (column) => column.notNull())
      .addColumn('correction_reason', 'text')
      .addColumn('opened_by', 'text', (column) => column.notNull())
      .addColumn('opened_at', 'timestamptz', (column) => column.notNull())
      .addColumn('approved_by', 'text')
      .addColumn('approved_at', 'timestamptz')
      .addPrimaryKeyConstraint('reports_pk', ['municipality_id', 'quarter'])
      .execute();
    await db.schema
      .createTable('report_versions')
      .addColumn('municipality_id', 'text', (column) => column.notNull())
      .addColumn('quarter', 'text', (column) => column.notNull())
      .addColumn('version', 'integer', (column) => column.notNull())
      .addColumn('published_at', 'timestamptz', (column) => column.notNull())
      .addColumn('published_by', 'text', (column) => column.notNull())
      .addColumn('correction_reason', 'text')
      .addColumn('snapshot', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('report_versions_pk', ['municipality_id', 'quarter', 'version'])
      .execute();
    await db.schema
      .createTable('report_explanations')
      .addColumn('municipality_id', 'text', (column) => column.notNull())
      .addColumn('quarter', 'text', (column) => column.notNull())
      .addColumn('version', 'integer', (column) => column.notNull())
      .addColumn('item_kind', 'text', (column) => column.notNull())
      .addColumn('item_id', 'text', (column) => column.notNull())
      .addColumn('cause', 'text', (column) => column.notNull())
      .addColumn('consequence', 'text', (column) => column.notNull())
      .addColumn('correction', 'text', (column) => column.notNull())
      .addColumn('author_email', 'text', (column) => column.notNull())
      .addColumn('author_name', 'text', (column) => column.notNull())
      .addColumn('written_at', 'timestamptz', (column) => column.notNull())
      .addPrimaryKeyConstraint('report_explanations_pk', ['municipality_id', 'quarter', 'version', 'item_kind', 'item_id'])
      .execute();
    await db.schema
      .createTable('report_settings')
      .addColumn('municipality_id', 'text', (column) => column.primaryKey())
      .addColumn('is_public', 'boolean', (column) => column.notNull())
      .addColumn('changed_by', 'text', (column) => column.notNull())
      .addColumn('changed_at', 'timestamptz', (column) => column.notNull())
      .execute();
    await db.schema
      .createTable('motions')
      .addColumn('municipality_id', 'text', (column) => column.notNull())
      .addColumn('id', 'text', (column) => column.notNull())
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('reference', 'text', (column) => column.notNull())
      .addColumn('title', 'text', (column) => column.notNull())
      .addColumn('adopted_on', 'date', (column) => column.notNull())
      .addColumn('text', 'text')
      .addColumn('points', 'text', (column) => column.notNull())
      .addColumn('changed_by', 'text', (column) => column.notNull())
      .addColumn('changed_at', 'timestamptz', (column) => column.notNull())
      .addPrimaryKeyConstraint('motions_pk', ['municipality_id', 'id'])
      .execute();
    await db.schema
      .createTable('motion_responses')
      .addColumn('municipality_id', 'text', (column) => column.notNull())
      .addColumn('motion_id', 'text', (column) => column.notNull())
      .addColumn('point_number', 'integer', (column) => column.notNull())
      .addColumn('quarter', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('response', 'text', (column) => column.notNull())
      .addColumn('author_email', 'text', (column) => column.notNull())
      .addColumn('author_name', 'text', (column) => column.notNull())
      .addColumn('written_at', 'timestamptz', (column) => column.notNull())
      .addPrimaryKeyConstraint('motion_responses_pk', ['municipality_id', 'motion_id', 'point_number', 'quarter'])
      .execute();
    await db.schema
      .createTable('report_questions')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('municipality_id', 'text', (column) => column.notNull())
      .addColumn('quarter', 'text', (column) => column.notNull())
      .addColumn('item_kind', 'text', (column) => column.notNull())
      .addColumn('item_id', 'text', (column) => column.notNull())
      .addColumn('item_title', 'text', (column) => column.notNull())
      .addColumn('question', 'text', (column) => column.notNull())
      .addColumn('asked_by_email', 'text', (column) => column.notNull())
      .addColumn('asked_by_name', 'text', (column) => column.notNull())
      .addColumn('asked_at', 'timestamptz', (column) => column.notNull())
      .addColumn('answer', 'text')
      .addColumn('answered_by_email', 'text')
      .addColumn('answered_by_name', 'text')
      .addColumn('answered_at', 'timestamptz')
      .execute();
    // Never updated: the questions of a report are found by these, the answer columns change.
    await db.schema.createIndex('report_questions_report_idx').on('report_questions').columns(['municipality_id', 'quarter']).execute();

    if (await isPostgres(db)) {
      await sql`create function koers_report_versions_frozen() returns trigger language plpgsql as $$
        begin
          raise exception 'a published report is frozen: % is refused; publish a correction as a new version instead', tg_op using errcode = 'insufficient_privilege';
        end $$`.execute(db);
      await sql`create trigger report_versions_frozen before update or delete on report_versions
        for each row execute function koers_report_versions_frozen()`.execute(db);
      await sql`create trigger report_versions_no_truncate before truncate on report_versions
        for each statement execute function koers_report_versions_frozen()`.execute(db);
    }
  },

  async down(db: Kysely<unknown>): Promise<void> {
    if (await isPostgres(db)) {
      await sql`drop trigger report_versions_no_truncate on report_versions`.execute(db);
      await sql`drop trigger report_versions_frozen on report_versions`.execute(db);
      await sql`drop function koers_report_versions_frozen()`.execute(db);
    }
    for (const table of ['report_questions', 'motion_responses', 'motions', 'report_settings', 'report_explanations', 'report_versions', 'reports']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
