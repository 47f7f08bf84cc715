import { type Kysely, type Migration, sql } from 'kysely';
import { isPostgres } from './database-kind';

/**
 * Who may do what: a user holds grants, (municipality, role) pairs, and signs
 * in with a password (an argon2id hash) or through the municipality's
 * identity provider (issuer and subject). Sessions live in the database, by
 * the sha256 of their secret, so several server instances share them and a
 * stolen database holds no usable session. Failed sign-ins are kept for the
 * rate limit, so it holds across instances too.
 *
 * The users' single `role` and `municipality_id` become grants. On
 * PostgreSQL the audit log becomes append-only in the database itself.
 */
export const accessMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('grants')
      .addColumn('user_id', 'text', (column) => column.notNull())
      .addColumn('municipality_id', 'text', (column) => column.notNull())
      .addColumn('role', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('grants_pk', ['user_id', 'municipality_id', 'role'])
      .execute();
    await sql`insert into grants (user_id, municipality_id, role)
              select id, municipality_id, role from users where municipality_id is not null`.execute(db);

    // A new table rather than dropped columns: DuckDB cannot drop a column that precedes an indexed one (email).
    await db.schema
      .createTable('users_with_sign_in')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('email', 'text', (column) => column.notNull().unique())
      .addColumn('password_hash', 'text')
      .addColumn('oidc_issuer', 'text')
      .addColumn('oidc_subject', 'text')
      .execute();
    await sql`insert into users_with_sign_in (id, name, email) select id, name, lower(email) from users`.execute(db);
    await db.schema.dropTable('users').execute();
    await db.schema.alterTable('users_with_sign_in').renameTo('users').execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (column) => column.primaryKey())
      .addColumn('user_id', 'text', (column) => column.notNull())
      .addColumn('created_at', 'timestamptz', (column) => column.notNull())
      .addColumn('expires_at', 'timestamptz', (column) => column.notNull())
      .addColumn('last_seen_at', 'timestamptz', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('sign_in_failures')
      .addColumn('key', 'text', (column) => column.notNull())
      .addColumn('occurred_at', 'timestamptz', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('sign_in_failures_key_idx').on('sign_in_failures').columns(['key', 'occurred_at']).execute();

    if (await isPostgres(db)) {
      await sql`create function koers_audit_log_append_only() returns trigger language plpgsql as $$
        begin
          raise exception 'the audit log is append-only: % is refused', tg_op using errcode = 'insufficient_privilege';
        end $$`.execute(db);
      await sql`create trigger audit_log_append_only before update or delete on audit_log
        for each row execute function koers_audit_log_append_only()`.execute(db);
      await sql`create trigger audit_log_no_truncate before truncate on audit_log
        for each statement execute function koers_audit_log_append_only()`.execute(db);
    }
  },

  async down(db: Kysely<unknown>): Promise<void> {
    if (await isPostgres(db)) {
      await sql`drop trigger audit_log_no_truncate on audit_log`.execute(db);
      await sql`drop trigger audit_log_append_only on audit_log`.execute(db);
      await sql`drop function koers_audit_log_append_only()`.execute(db);
    }
    await db.schema.dropTable('sign_in_failures').execute();
    await db.schema.dropTable('sessions').execute();
    await db.schema
      .createTable('users_without_sign_in')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('municipality_id', 'text')
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('email', 'text', (column) => column.notNull().unique())
      .addColumn('role', 'text', (column) => column.notNull())
      .execute();
    await sql`insert into users_without_sign_in (id, municipality_id, name, email, role)
              select u.id, min(g.municipality_id), u.name, u.email, coalesce(min(g.role), 'college')
              from users u left join grants g on g.user_id = u.id group by u.id, u.name, u.email`.execute(db);
    await db.schema.dropTable('users').execute();
    await db.schema.alterTable('users_without_sign_in').renameTo('users').execute();
    await db.schema.dropTable('grants').execute();
  },
};
