import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Database } from '../database';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../testing/index';
import { bestuur, fixtureWorkspace, ondermijning, veiligheid, wetBibob } from '../testing/workspace.fixture';
import { listAudit } from './audit-log.repository';
import { listPrograms } from './program.repository';
import { importWorkspace, WorkspaceImportError } from './workspace-import.repository';

describe.each(databaseKinds)('importWorkspace on %s', (kind) => {
  let testDatabase: TestDatabase;
  let db: Kysely<Database>;

  beforeEach(async () => {
    testDatabase = await openTestDatabase(kind, inject('postgresUrl'));
    db = testDatabase.db;
  });

  afterEach(async () => {
    await testDatabase.remove();
  });

  it('stores the workspace and says how much it stored', async () => {
    const summary = await importWorkspace(db, 'uithoorn', fixtureWorkspace());
    expect(summary).toEqual({ programs: 2, effects: 3, tasks: 3, actions: 3, indicators: 1 });
    const indicator = await db.selectFrom('indicators').selectAll().executeTakeFirstOrThrow();
    expect(JSON.parse(indicator.definition)).toMatchObject({ id: 'winkeldiefstallen', targets: { '2025': 2 } });
  });

  it('replaces what a municipality had, and leaves other municipalities alone', async () => {
    await importWorkspace(db, 'uithoorn', fixtureWorkspace());
    await importWorkspace(db, 'diemen', fixtureWorkspace({ municipality: 'Diemen' }));
    await importWorkspace(db, 'uithoorn', fixtureWorkspace({ programs: [veiligheid] }));

    expect((await listPrograms(db, 'uithoorn')).map((program) => program.id)).toEqual(['veiligheid']);
    expect((await listPrograms(db, 'diemen')).map((program) => program.id)).toEqual(['bestuur', 'veiligheid']);
    const actions = await db.selectFrom('actions').select('id').where('municipality_id', '=', 'uithoorn').execute();
    expect(actions).toEqual([{ id: 'wet-bibob' }]);
  });

  it('leaves what was stored untouched when the import fails half-way', async () => {
    await importWorkspace(db, 'uithoorn', fixtureWorkspace());
    const before = await listPrograms(db, 'uithoorn');

    // 30 February passes the type system but not the database: the insert of
    // actions fails after programs, effects and tasks have been replaced.
    const broken = {
      ...veiligheid,
      id: 'veiligheid-nieuw',
      tasks: [{ ...ondermijning, id: 'handhaving', actions: [{ ...wetBibob, id: 'cameratoezicht', due: '2025-02-30' }] }],
    };
    await expect(
      importWorkspace(db, 'uithoorn', fixtureWorkspace({ municipality: 'Uithoorn (nieuw)', programs: [broken] })),
    ).rejects.toThrow(/2025-02-30/);

    expect(await listPrograms(db, 'uithoorn')).toEqual(before);
    const municipality = await db.selectFrom('municipalities').select('name').executeTakeFirstOrThrow();
    expect(municipality.name).toBe('Uithoorn');
    expect(await listAudit(db, 'workspace', 'uithoorn')).toHaveLength(1);
  });

  it('records each import in the audit log, with the counts before and after', async () => {
    await importWorkspace(db, 'uithoorn', fixtureWorkspace(), { actor: 'data-team@uithoorn.nl' });
    await importWorkspace(db, 'uithoorn', fixtureWorkspace({ programs: [bestuur] }));

    const [first, second] = await listAudit(db, 'workspace', 'uithoorn');
    expect(first).toMatchObject({ actor: 'data-team@uithoorn.nl', action: 'import', before: null });
    expect(first?.after).toMatchObject({ root: '/tmp/uithoorn', programs: 2, actions: 3 });
    expect(second).toMatchObject({ actor: 'system', before: { programs: 2, actions: 3 }, after: { programs: 1 } });
    expect(second?.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('refuses duplicate ids before touching the database, naming both files', async () => {
    const copy = { ...veiligheid, id: 'veiligheid-kopie', file: 'programs/veiligheid-kopie.yaml' };
    const attempt = importWorkspace(db, 'uithoorn', fixtureWorkspace({ programs: [bestuur, veiligheid, copy] }));
    await expect(attempt).rejects.toBeInstanceOf(WorkspaceImportError);
    await expect(attempt).rejects.toThrow(
      'programs/veiligheid-kopie.yaml: effect id "veilige-wijken" is also used in programs/veiligheid.yaml',
    );
    expect(await db.selectFrom('municipalities').selectAll().execute()).toEqual([]);
  });

  it('refuses a task that lists one effect twice', async () => {
    const doubled = { ...veiligheid, tasks: [{ ...ondermijning, effects: ['veilige-wijken', 'veilige-wijken'] }] };
    await expect(importWorkspace(db, 'uithoorn', fixtureWorkspace({ programs: [doubled] }))).rejects.toThrow(
      'programs/veiligheid.yaml: task "ondermijning" lists effect "veilige-wijken" more than once',
    );
  });

  it('refuses a municipality id that is not an id', async () => {
    await expect(importWorkspace(db, 'Uit Hoorn', fixtureWorkspace())).rejects.toThrow(/must start with a-z/);
  });
});
