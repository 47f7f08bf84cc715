import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { AppDatabase } from '../lib/database';
import { openDatabase } from '../lib/open-database';

/** The app databases every persistence test runs on. */
export const databaseKinds = ['duckdb', 'postgres'] as const;
export type DatabaseKind = (typeof databaseKinds)[number];

/** A fresh, migrated app database for one test, and how to throw it away. */
export interface TestDatabase {
  readonly db: AppDatabase;
  readonly kind: DatabaseKind;
  /** Where it is: the DuckDB file, or the PostgreSQL connection string. */
  readonly location: string;
  /** Closes the database and deletes it. */
  remove(): Promise<void>;
}

/**
 * Opens a fresh database of `kind`: a DuckDB file in a temp folder, or a new
 * database on the test PostgreSQL server at `postgresUrl` (the project's
 * vitest global setup starts one and provides its URL as `postgresUrl`).
 */
export async function openTestDatabase(kind: DatabaseKind, postgresUrl?: string): Promise<TestDatabase> {
  if (kind === 'duckdb') {
    const folder = await mkdtemp(join(tmpdir(), 'koers-persistence-'));
    const location = join(folder, 'koers.duckdb');
    const db = await openDatabase({ kind: 'duckdb', path: location });
    return { db, kind, location, remove: async () => (await db.destroy(), await rm(folder, { recursive: true, force: true })) };
  }
  if (postgresUrl === undefined) throw new Error('No test PostgreSQL server: add the global setup of @koers/persistence/testing to this project.');
  const name = `koers_test_${randomUUID().replaceAll('-', '')}`;
  await administer(postgresUrl, `CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', connectionString: url.toString() });
  return {
    db,
    kind,
    location: url.toString(),
    remove: async () => {
      await db.destroy();
      await administer(postgresUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function administer(postgresUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
