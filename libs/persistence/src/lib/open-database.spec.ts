import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from './migrations/migration.provider';
import { openDatabase } from './open-database';
import { listMunicipalities, saveMunicipality } from './repositories/municipality.repository';
import { createTempFolder } from './testing/temp-folder';

describe('openDatabase', () => {
  let folder: Awaited<ReturnType<typeof createTempFolder>>;

  beforeEach(async () => {
    folder = await createTempFolder();
  });

  afterEach(async () => {
    await folder.remove();
  });

  it('creates the file and its folder, with every table of the schema', async () => {
    const db = await openDatabase({ kind: 'duckdb', path: join(folder.path, 'nested', 'var', 'koers.duckdb') });
    try {
      const tables = (await db.introspection.getTables()).map((table) => table.name).sort();
      expect(tables).toEqual([
        'actions',
        'api_tokens',
        'audit_log',
        'computation_slots',
        'computations',
        'data_version',
        'effect_commentary',
        'effect_indicators',
        'effects',
        'grants',
        'indicator_results',
        'indicators',
        'motion_responses',
        'motions',
        'municipalities',
        'programs',
        'progress_updates',
        'report_explanations',
        'report_questions',
        'report_settings',
        'report_versions',
        'reports',
        'sessions',
        'sign_in_failures',
        'source_jobs',
        'source_versions',
        'task_effects',
        'tasks',
        'users',
      ]);
    } finally {
      await db.destroy();
    }
  });

  it('opens an existing file again without migrating twice, keeping its data', async () => {
    const path = join(folder.path, 'koers.duckdb');
    const first = await openDatabase({ kind: 'duckdb', path });
    await saveMunicipality(first, { id: 'uithoorn', name: 'Uithoorn' });
    await first.destroy();

    const second = await openDatabase({ kind: 'duckdb', path });
    try {
      expect(await listMunicipalities(second)).toEqual([{ id: 'uithoorn', name: 'Uithoorn' }]);
      const applied = await second.withoutPlugins().selectFrom('kysely_migration' as never).selectAll().execute();
      expect(applied).toHaveLength(Object.keys(migrations).length);
    } finally {
      await second.destroy();
    }
  });

  it('says which file it could not open, and why', async () => {
    const path = join(folder.path, 'not-a-database.duckdb');
    await writeFile(path, 'this is not a DuckDB file');
    await expect(openDatabase({ kind: 'duckdb', path })).rejects.toThrow(`Could not open the database ${path}`);
  });
});
