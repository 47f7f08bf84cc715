import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempFolder } from '../testing/temp-folder';
import { DuckDBDialect } from './duckdb.dialect';

interface TestDatabase {
  person: { id: string; born: string | null; seen_at: string | null; visits: number };
}

describe('DuckDBDialect', () => {
  let folder: Awaited<ReturnType<typeof createTempFolder>>;
  let path: string;
  let db: Kysely<TestDatabase>;

  beforeEach(async () => {
    folder = await createTempFolder();
    path = join(folder.path, 'dialect.duckdb');
    db = new Kysely<TestDatabase>({ dialect: new DuckDBDialect({ path }) });
    await db.schema
      .createTable('person')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('born', 'date')
      .addColumn('seen_at', 'timestamptz')
      .addColumn('visits', 'integer', (column) => column.notNull().defaultTo(0))
      .execute();
  });

  afterEach(async () => {
    await db.destroy();
    await folder.remove();
  });

  it('compiles to PostgreSQL text with $n parameters, which DuckDB runs as is', async () => {
    const query = db.selectFrom('person').select('id').where('visits', '>', 2).where('id', 'in', ['a', 'b']);
    expect(query.compile().sql).toBe('select "id" from "person" where "visits" > $1 and "id" in ($2, $3)');
    await db.insertInto('person').values({ id: 'a', born: null, seen_at: null, visits: 3 }).execute();
    expect(await query.execute()).toEqual([{ id: 'a' }]);
  });

  it('returns dates as YYYY-MM-DD, timestamps as ISO strings and a BIGINT count as a number', async () => {
    await db
      .insertInto('person')
      .values({ id: 'a', born: '1990-02-28', seen_at: new Date('2025-01-02T10:11:12.123Z').toISOString(), visits: 1 })
      .execute();
    const row = await db
      .selectFrom('person')
      .select(['born', 'seen_at', (eb) => eb.fn.countAll().over().as('total')])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ born: '1990-02-28', seen_at: '2025-01-02T10:11:12.123Z', total: 1 });
  });

  it('keeps a BIGINT beyond 2^53 exact, as a decimal string', async () => {
    const { rows } = await sql<{ big: unknown }>`select 9007199254740993::bigint as big`.execute(db);
    expect(rows[0]?.big).toBe('9007199254740993');
  });

  it('binds a Date as an ISO string', async () => {
    await db.insertInto('person').values({ id: 'a', born: null, seen_at: '2025-01-02T00:00:00Z', visits: 0 }).execute();
    const found = await db
      .selectFrom('person')
      .select('id')
      .where('seen_at', '>', new Date('2025-01-01T23:59:59Z') as unknown as string)
      .execute();
    expect(found).toEqual([{ id: 'a' }]);
  });

  it('counts the rows an insert, update or delete touched, and supports returning', async () => {
    const inserted = await db
      .insertInto('person')
      .values([
        { id: 'a', born: null, seen_at: null, visits: 0 },
        { id: 'b', born: null, seen_at: null, visits: 0 },
      ])
      .executeTakeFirst();
    expect(inserted.numInsertedOrUpdatedRows).toBe(2n);
    const updated = await db.updateTable('person').set({ visits: 5 }).where('id', '=', 'a').executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(1n);
    const deleted = await db.deleteFrom('person').where('id', '=', 'b').returning('id').execute();
    expect(deleted).toEqual([{ id: 'b' }]);
  });

  it('rolls a failed transaction back wholly and keeps serving queries', async () => {
    await db.insertInto('person').values({ id: 'a', born: null, seen_at: null, visits: 1 }).execute();
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.updateTable('person').set({ visits: 2 }).execute();
        await trx.insertInto('person').values({ id: 'a', born: null, seen_at: null, visits: 9 }).execute();
      }),
    ).rejects.toThrow(/duplicate key/i);
    expect(await db.selectFrom('person').select(['id', 'visits']).execute()).toEqual([{ id: 'a', visits: 1 }]);
  });

  it('says which parameter it cannot bind, and how to fix it', async () => {
    const query = db.selectFrom('person').select('id').where('id', '=', { nested: true } as unknown as string);
    await expect(query.execute()).rejects.toThrow(/Parameter \$1 is a Object.*JSON\.stringify/);
  });

  it('introspects tables and columns, without kysely tables unless asked', async () => {
    await db.schema.createTable('kysely_migration').addColumn('name', 'text').execute();
    const tables = await db.introspection.getTables();
    expect(tables.map((table) => table.name)).toEqual(['person']);
    expect(tables[0]?.columns.map((column) => [column.name, column.dataType, column.isNullable])).toEqual([
      ['id', 'VARCHAR', false],
      ['born', 'DATE', true],
      ['seen_at', 'TIMESTAMP WITH TIME ZONE', true],
      ['visits', 'INTEGER', false],
    ]);
    const withInternal = await db.introspection.getTables({ withInternalKyselyTables: true });
    expect(withInternal.map((table) => table.name)).toContain('kysely_migration');
  });

  it('writes through to the file: a new instance on the same path sees the rows', async () => {
    await db.insertInto('person').values({ id: 'a', born: null, seen_at: null, visits: 1 }).execute();
    await db.destroy();
    db = new Kysely<TestDatabase>({ dialect: new DuckDBDialect({ path }) });
    expect(await db.selectFrom('person').select('id').execute()).toEqual([{ id: 'a' }]);
  });
});
