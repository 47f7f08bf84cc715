import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { openTestDatabase } from '../../testing/index';

describe('the PostgreSQL connection pool', () => {
  it('outlives the server ending an idle connection: the next query gets a new one, and the process goes on', async () => {
    const postgresUrl = inject('postgresUrl');
    const test = await openTestDatabase('postgres', postgresUrl);
    try {
      const before = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(test.db)).rows[0]?.pid;
      expect(before).toBeGreaterThan(0);
      // Another session ends the pool's idle connection, as a restart or an administrator would.
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [before]);
      await admin.end();
      await new Promise((wait) => setTimeout(wait, 300));

      const after = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(test.db)).rows[0]?.pid;
      expect(after).toBeGreaterThan(0);
      expect(after).not.toBe(before);
    } finally {
      await test.remove();
    }
  });
});
