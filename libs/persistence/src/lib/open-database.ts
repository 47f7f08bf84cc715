import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Kysely, Migrator } from 'kysely';
import type { Database } from './database';
import { DuckDBDialect } from './duckdb/duckdb.dialect';
import { createPostgresDialect } from './postgres/postgres.dialect';
import { inCodeMigrationProvider } from './migrations/migration.provider';

/**
 * Where the app state lives: an embedded DuckDB file (the default), or
 * PostgreSQL when one machine no longer serves, with the same migrations and
 * repositories.
 */
export type DatabaseConfig =
  | {
      readonly kind: 'duckdb';
      /** The database file, created with its folder when missing; `:memory:` for a throwaway database. */
      readonly path: string;
    }
  | {
      readonly kind: 'postgres';
      /** `postgres://user:password@host:port/database` */
      readonly connectionString: string;
    };

/**
 * Opens the database and brings its schema up to date. Safe to call on an
 * existing file: applied migrations are skipped and the data stays.
 *
 * ```ts
 * const db = await openDatabase({ kind: 'duckdb', path: 'var/koers.duckdb' })
 * try { ... } finally { await db.destroy() }
 * ```
 */
export async function openDatabase(config: DatabaseConfig): Promise<Kysely<Database>> {
  if (config.kind === 'duckdb' && config.path !== ':memory:') await mkdir(dirname(config.path), { recursive: true });
  const dialect = config.kind === 'duckdb' ? new DuckDBDialect({ path: config.path }) : createPostgresDialect({ connectionString: config.connectionString });
  const db = new Kysely<Database>({ dialect });
  try {
    await migrateToLatest(db);
    return db;
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw explainOpenFailure(config, error);
  }
}

/** Applies every migration not yet applied, in order; throws the first failure (its migration rolled back). */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: inCodeMigrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '(before any migration ran)'} failed: ${messageOf(error)}`, {
      cause: error,
    });
  }
}

function explainOpenFailure(config: DatabaseConfig, error: unknown): Error {
  const message = messageOf(error);
  if (config.kind === 'postgres') {
    return new Error(`Could not open the PostgreSQL database ${describeConnection(config.connectionString)}: ${message}. Check DATABASE_URL and that the server runs.`, {
      cause: error,
    });
  }
  if (/lock on file/i.test(message)) {
    return new Error(
      `The database ${config.path} is in use by another process (is Koers already running?). ` +
        'Stop that process, or point KOERS_DATABASE at another file.',
      { cause: error },
    );
  }
  return new Error(`Could not open the database ${config.path}: ${message}`, { cause: error });
}

/** A connection string without its password, for messages. */
export function describeConnection(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return '(a DATABASE_URL that is not a URL)';
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
