import type { Kysely, KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Database } from '../database';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../testing/index';
import { fixtureWorkspace, veiligheid } from '../testing/workspace.fixture';
import { createKoersCatalog } from './koers-catalog';
import { importWorkspace } from './workspace-import.repository';

describe.each(databaseKinds)('program catalog on %s', (kind) => {
  let testDatabase: TestDatabase;
  let db: Kysely<Database>;

  beforeEach(async () => {
    testDatabase = await openTestDatabase(kind, inject('postgresUrl'));
    db = testDatabase.db;
    await importWorkspace(db, 'uithoorn', fixtureWorkspace());
    await importWorkspace(db, 'diemen', fixtureWorkspace({ municipality: 'Diemen', programs: [] }));
  });

  afterEach(async () => {
    await testDatabase.remove();
  });

  it('lists municipalities by name', async () => {
    expect(await createKoersCatalog(db).listMunicipalities()).toEqual([
      { id: 'diemen', name: 'Diemen' },
      { id: 'uithoorn', name: 'Uithoorn' },
    ]);
  });

  it('reads back a program as it was imported, with every list in file order', async () => {
    const [bestuur, veiligheid] = await createKoersCatalog(db).listPrograms('uithoorn');
    expect(bestuur).toEqual({
      id: 'bestuur',
      municipalityId: 'uithoorn',
      title: 'Bestuur en organisatie',
      portfolioHolders: ['P. Heijmans', 'J. Bouma'],
      department: 'Directie',
      vision: 'Een bestuur dat keuzes maakt die effect hebben.',
      policyDocuments: ['Coalitieakkoord 2022-2026'],
      // Imported without a budget year: this calendar year.
      budgetYear: new Date().getUTCFullYear(),
      effects: [
        { id: 'keuzes-met-effect', title: 'Keuzes die effect creëren', indicators: ['winkeldiefstallen', 'woo-termijn'] },
        { id: 'open-bestuur', title: 'Een open bestuurscultuur', description: 'Inwoners zien wat het bestuur doet.', indicators: [] },
      ],
      tasks: [
        {
          id: 'allianties',
          title: 'Investeer in de allianties met de omgeving',
          effects: ['open-bestuur', 'keuzes-met-effect'],
          actions: [
            {
              id: 'bestuurskrachtonderzoek',
              title: 'Uitwerken bestuurskrachtonderzoek',
              kind: 'new',
              priority: 'basis',
              owner: 'Team Strategie',
              start: '2021-01-01',
              due: '2021-12-31',
            },
            { id: 'regionale-samenwerking', title: 'Regionale samenwerking', kind: 'regular', priority: 'execution' },
          ],
        },
        { id: 'dienstverlening', title: 'Dienstverlening op orde', effects: [], actions: [] },
      ],
    });
    expect(veiligheid).toMatchObject({ id: 'veiligheid', department: null, vision: null, policyDocuments: [] });
    expect(veiligheid?.tasks[0]?.actions.map((action) => action.id)).toEqual(['wet-bibob']);
  });

  it('answers an empty list for a municipality without programs, or one not stored', async () => {
    const catalog = createKoersCatalog(db);
    expect(await catalog.listPrograms('diemen')).toEqual([]);
    expect(await catalog.listPrograms('amsterdam')).toEqual([]);
  });

  it('reads many programs in a constant number of queries', async () => {
    const many = Array.from({ length: 40 }, (_, index) => ({
      ...veiligheid,
      id: `programma-${index}`,
      effects: [{ id: `effect-${index}`, title: `Effect ${index}`, indicators: [] }],
      tasks: [],
    }));
    await importWorkspace(db, 'hilversum', fixtureWorkspace({ municipality: 'Hilversum', programs: many }));

    const queries: string[] = [];
    const counting: KyselyPlugin = {
      transformQuery: (args) => (queries.push(args.node.kind), args.node),
      transformResult: async (args) => args.result,
    };
    const programs = await createKoersCatalog(db.withPlugin(counting)).listPrograms('hilversum');
    expect(programs.map((program) => program.id)).toEqual(many.map((program) => program.id));
    expect(queries.filter((kind) => kind === 'SelectQueryNode')).toHaveLength(4);
  });
});
