import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../testing/index';
import { bestuur, fixtureWorkspace, veiligheid } from '../testing/workspace.fixture';
import { listAudit } from './audit-log.repository';
import { listPrograms } from './program.repository';
import { importWorkspace } from './workspace-import.repository';

describe.each(databaseKinds)('an import applies the difference and keeps the history, on %s', (kind) => {
  let testDatabase: TestDatabase;
  beforeEach(async () => {
    testDatabase = await openTestDatabase(kind, inject('postgresUrl'));
    await importWorkspace(testDatabase.db, 'uithoorn', fixtureWorkspace(), { actor: 'anna', budgetYear: 2026 });
  });
  afterEach(() => testDatabase.remove());

  it('updates a changed program in place, removes what is gone, adds what is new, and records each with before and after', async () => {
    const { db } = testDatabase;
    const [firstTask] = bestuur.tasks;
    const changed = {
      ...bestuur,
      title: 'Bestuur, organisatie en dienstverlening',
      tasks: firstTask === undefined ? [] : [{ ...firstTask, actions: firstTask.actions.slice(0, 1) }],
    };
    const added = { ...veiligheid, id: 'sport', title: 'Sport', effects: [], tasks: [] };
    await importWorkspace(db, 'uithoorn', fixtureWorkspace({ programs: [changed, veiligheid, added] }), { actor: 'bert' });

    expect((await listPrograms(db, 'uithoorn')).map((program) => [program.id, program.title, program.budgetYear])).toEqual([
      ['bestuur', 'Bestuur, organisatie en dienstverlening', 2026],
      ['veiligheid', 'Veiligheid', 2026],
      ['sport', 'Sport', 2026],
    ]);
    const programHistory = await listAudit(db, 'program', 'bestuur');
    expect(programHistory.map((entry) => [entry.actor, entry.action])).toEqual([
      ['anna', 'create'],
      ['bert', 'update'],
    ]);
    expect(programHistory[1]?.before).toMatchObject({ title: 'Bestuur en organisatie' });
    expect(programHistory[1]?.after).toMatchObject({ title: 'Bestuur, organisatie en dienstverlening' });
    const removedAction = firstTask?.actions[1]?.id ?? '';
    expect((await listAudit(db, 'action', removedAction)).map((entry) => entry.action)).toEqual(['create', 'delete']);
    expect((await listAudit(db, 'program', 'sport')).map((entry) => entry.action)).toEqual(['create']);
    // What did not change has no new history.
    expect((await listAudit(db, 'program', 'veiligheid')).map((entry) => entry.action)).toEqual(['create']);
  });

  it('removes a whole program with its effects, tasks and actions in one transaction', async () => {
    const { db } = testDatabase;
    await importWorkspace(db, 'uithoorn', fixtureWorkspace({ programs: [veiligheid] }), { actor: 'bert' });
    expect((await listPrograms(db, 'uithoorn')).map((program) => program.id)).toEqual(['veiligheid']);
    const effects = await db.selectFrom('effects').select('id').where('program_id', '=', 'bestuur').execute();
    expect(effects).toEqual([]);
  });

  it.runIf(kind === 'postgres')('lets the database itself refuse an effect of a program that is not there', async () => {
    const { db } = testDatabase;
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('effects').values({ municipality_id: 'uithoorn', id: 'wees', program_id: 'bestaat-niet', position: 0, title: 'Wees', description: null }).execute();
      }),
    ).rejects.toThrow(/effects_program_fk/);
    await expect(sql`delete from programs where id = 'bestuur'`.execute(db)).rejects.toThrow(/_fk/);
  });
});
