import { describe, expect, it } from 'vitest';
import { workCaller } from '../work/work-caller.testing';

/** The item at `index`, which the test knows is there. */
function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index} in a list of ${list.length}`);
  return item;
}

async function opened(role: 'admin' | 'college' = 'college') {
  const context = workCaller(role);
  const file = await context.caller.programEditor.get({ municipalityId: 'uithoorn', programId: 'bestuur-en-organisatie' });
  if (file.document === null) throw new Error('the sample program should open');
  return { ...context, file, document: file.document };
}

describe('programEditor', () => {
  it('opens a program as its file holds it, with the owner teams in use and the action ids of other programs', async () => {
    const { file, document } = await opened();
    expect(file).toMatchObject({ programId: 'bestuur-en-organisatie', file: 'programs/bestuur-en-organisatie.yaml', problems: [] });
    expect(document.tasks[0]?.actions.map((action) => action.id)).toEqual(['bestuurskrachtonderzoek', 'regionale-samenwerking']);
    expect(file.teams).toEqual(['Team Bestuursondersteuning', 'Team HRM']);
    expect(file.actionIdsElsewhere).toEqual([]);
    expect(file.indicators.map((indicator) => indicator.id)).toEqual(['winkeldiefstallen', 'vernielingen', 'woo-binnen-termijn']);
  });

  it('saves an edit: reordered actions, a new one with priority, kind, owner and dates; the program page follows', async () => {
    const { caller, work, file, document } = await opened('admin');
    const first = at(at(document.tasks, 0).actions, 0);
    const second = at(at(document.tasks, 0).actions, 1);
    const result = await caller.programEditor.save({
      municipalityId: 'uithoorn',
      programId: 'bestuur-en-organisatie',
      revision: file.revision,
      program: {
        ...document,
        department: '',
        tasks: [
          {
            ...at(document.tasks, 0),
            actions: [
              second,
              { id: 'regio-agenda', title: 'Regionale agenda', kind: 'new', priority: 'statutory', owner: ' Team Strategie ', start: '2026-01-01', due: '2026-06-30', description: '' },
              first,
            ],
          },
          ...document.tasks.slice(1),
        ],
      },
    });

    expect(result).toMatchObject({ status: 'saved', file: 'programs/bestuur-en-organisatie.yaml' });
    const detail = await caller.programs.get({ municipalityId: 'uithoorn', programId: 'bestuur-en-organisatie' });
    expect(detail.program.department).toBeNull();
    expect(detail.program.tasks[0]?.actions.map((action) => [action.id, action.owner ?? null])).toEqual([
      ['regionale-samenwerking', null],
      ['regio-agenda', 'Team Strategie'],
      ['bestuurskrachtonderzoek', 'Team Bestuursondersteuning'],
    ]);
    expect(work.changes.map((change) => [change.actor, change.entity, change.entityId])).toEqual([['admin@proef.koers.example', 'program', 'bestuur-en-organisatie']]);
  });

  it.each([
    ['a task pointing at an unknown effect', { effects: ['bestaat-niet'] }, {}, 'tasks[0].effects[0]', '"bestaat-niet" is geen effect van dit programma'],
    ['a due date before its start', {}, { start: '2026-06-01', due: '2026-01-31' }, 'tasks[0].actions[0].due', 'de einddatum ligt vóór de startdatum'],
    ['an empty title', {}, { title: '  ' }, 'tasks[0].actions[0].title', 'vul een titel in'],
    ['a date that does not exist', {}, { due: '2026-02-30' }, 'tasks[0].actions[0].due', 'de einddatum is geen geldige datum'],
    ['an action id used twice', {}, { id: 'regionale-samenwerking' }, 'tasks[0].actions[1].id', 'id "regionale-samenwerking" staat al bij tasks[0].actions[0].id'],
  ])('refuses %s with the field, and writes nothing', async (_, taskChange, actionChange, field, message) => {
    const { caller, work, file, document } = await opened();
    const task = at(document.tasks, 0);
    const result = await caller.programEditor.save({
      municipalityId: 'uithoorn',
      programId: 'bestuur-en-organisatie',
      revision: file.revision,
      program: { ...document, tasks: [{ ...task, ...taskChange, actions: [{ ...at(task.actions, 0), ...actionChange }, ...task.actions.slice(1)] }] },
    });
    expect(result).toEqual({ status: 'invalid', problems: [{ field, message: expect.stringContaining(message) }] });
    expect(work.changes).toEqual([]);
  });

  it('refuses an empty program title and an effect listing an indicator the workspace does not have, each by its field', async () => {
    const { caller, work, file, document } = await opened();
    const noTitle = await caller.programEditor.save({ municipalityId: 'uithoorn', programId: 'bestuur-en-organisatie', revision: file.revision, program: { ...document, title: '' } });
    expect(noTitle).toEqual({ status: 'invalid', problems: [{ field: 'title', message: 'vul een titel in' }] });
    const unknownIndicator = await caller.programEditor.save({
      municipalityId: 'uithoorn',
      programId: 'bestuur-en-organisatie',
      revision: file.revision,
      program: { ...document, effects: [{ ...at(document.effects, 0), indicators: ['bestaat-niet'] }, ...document.effects.slice(1)] },
    });
    expect(unknownIndicator).toMatchObject({ status: 'invalid', problems: [{ field: 'effects[0].indicators[0]' }] });
    expect(work.changes).toEqual([]);
  });

  it('refuses a save of a version someone else changed since, so neither edit is lost unseen', async () => {
    const { caller, file, document } = await opened();
    await caller.programEditor.save({ municipalityId: 'uithoorn', programId: 'bestuur-en-organisatie', revision: file.revision, program: { ...document, title: 'Eerst' } });
    const late = await caller.programEditor.save({ municipalityId: 'uithoorn', programId: 'bestuur-en-organisatie', revision: file.revision, program: { ...document, title: 'Later' } });
    expect(late).toMatchObject({ status: 'conflict' });
  });

  it('answers NOT_FOUND for a program without a file, and refuses malformed input before the port is asked', async () => {
    const { caller, work } = workCaller('college');
    await expect(caller.programEditor.get({ municipalityId: 'uithoorn', programId: 'sport' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Programma "sport" heeft geen bestand in de werkmap van Uithoorn.',
    });
    await expect(
      caller.programEditor.save({ municipalityId: 'uithoorn', programId: 'veiligheid', revision: 'oud', program: { title: 'X', portfolioHolders: [], policyDocuments: [], effects: [], tasks: [] } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(work.changes).toEqual([]);
  });
});
