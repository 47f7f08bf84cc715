import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../testing/index';
import { readDataVersion } from '../repositories/data-version.repository';
import { bumpDataVersion } from '../repositories/data-version.repository';
import { isWrite } from './write-gate';

describe('the DuckDB driver lets writers take turns', () => {
  let testDatabase: TestDatabase;
  beforeEach(async () => {
    testDatabase = await openTestDatabase('duckdb');
  });
  afterEach(() => testDatabase.remove());

  it('runs many transactions that write the same row at once without a conflict', async () => {
    const { db } = testDatabase;
    const before = await readDataVersion(db);
    // Without turns, DuckDB's optimistic transactions fail here with "Conflict on update".
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction().execute(async (trx) => {
          await bumpDataVersion(trx);
          await new Promise((wait) => setTimeout(wait, 1));
          await bumpDataVersion(trx);
        }),
      ),
    );
    await Promise.all(Array.from({ length: 20 }, () => bumpDataVersion(db)));
    expect(await readDataVersion(db)).toBe(before + 60);
  });

  it('lets the next transaction in after one that failed', async () => {
    const { db } = testDatabase;
    await expect(
      db.transaction().execute(async (trx) => {
        await bumpDataVersion(trx);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    await db.transaction().execute((trx) => bumpDataVersion(trx));
  });

  it('tells writes from reads', () => {
    expect(['insert into x values (1)', ' UPDATE x set a = 1', 'delete from x', 'create table x (a int)'].every(isWrite)).toBe(true);
    expect(['select 1', 'with x as (select 1) select * from x'].some(isWrite)).toBe(false);
  });
});
