import type { Kysely, Migration } from 'kysely';

/**
 * Sources through the web: the kept versions of each source (one immutable
 * file each, outside the workspace), the jobs that upload, load and compute
 * them (what the dashboard polls), and the personal API tokens of the data
 * team's scripts, kept as the sha256 of their secret, like sessions.
 *
 * Only columns that never change once written are indexed (a DuckDB update
 * of an indexed column can corrupt the index under concurrent transactions):
 * a job's state, a token's use and revocation are not.
 */
export const sourcesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('source_versions')
      .addColumn('municipality_id', 'text', (column) => column.notNull())
      .addColumn('source_id', 'text', (column) => column.notNull())
      .addColumn('version', 'integer', (column) => column.notNull())
      .addColumn('sha256', 'text', (column) => column.notNull())
      .addColumn('row_count', 'bigint')
      .addColumn('size_bytes', 'bigint', (column) => column.notNull())
      .addColumn('format', 'text', (column) => column.notNull())
      .addColumn('kept_file', 'text', (column) => column.notNull())
      .addColumn('uploaded_by', 'text', (column) => column.notNull())
      .addColumn('uploaded_at', 'timestamptz', (column) => column.notNull())
      .addColumn('job_id', 'text')
      .addPrimaryKeyConstraint('source_versions_pk', ['municipality_id', 'source_id', 'version'])
      .execute();

    await db.schema
      .createTable('source_jobs')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('municipality_id', 'text', (column) => column.notNull())
      .addColumn('source_id', 'text')
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('state', 'text', (column) => column.notNull())
      .addColumn('format', 'text')
      .addColumn('size_bytes', 'bigint')
      .addColumn('sha256', 'text')
      .addColumn('upload_file', 'text')
      .addColumn('preview', 'text')
      .addColumn('version', 'integer')
      .addColumn('row_count', 'bigint')
      .addColumn('problem', 'text')
      .addColumn('steps', 'text', (column) => column.notNull())
      .addColumn('owner', 'text')
      .addColumn('created_by', 'text', (column) => column.notNull())
      .addColumn('created_at', 'timestamptz', (column) => column.notNull())
      .addColumn('updated_at', 'timestamptz', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('source_jobs_municipality_idx').on('source_jobs').columns(['municipality_id', 'created_at']).execute();

    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('user_id', 'text', (column) => column.notNull())
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('prefix', 'text', (column) => column.notNull())
      .addColumn('token_hash', 'text', (column) => column.notNull().unique())
      .addColumn('created_at', 'timestamptz', (column) => column.notNull())
      .addColumn('last_used_at', 'timestamptz')
      .addColumn('revoked_at', 'timestamptz')
      .execute();
    await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('api_tokens').execute();
    await db.schema.dropTable('source_jobs').execute();
    await db.schema.dropTable('source_versions').execute();
  },
};
