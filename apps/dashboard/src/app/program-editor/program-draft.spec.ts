import type { ProgramDocument } from '@koers/domain';
import { describe, expect, it } from 'vitest';
import { draftOf, fieldElementId, fieldLabelOf, ProgramDraft, programInputOf, slugOf } from './program-draft';

const program: ProgramDocument = {
  title: 'Veiligheid',
  portfolioHolders: ['burgemeester', 'wethouder Wonen'],
  policyDocuments: ['Integraal Veiligheidsplan'],
  effects: [{ id: 'veilig', title: 'Veilig', indicators: ['winkeldiefstallen'] }],
  tasks: [
    {
      id: 'toezicht',
      title: 'Toezicht',
      effects: ['veilig'],
      actions: [{ id: 'boa', title: 'Boa-inzet', kind: 'regular', priority: 'statutory', due: '2026-12-31' }],
    },
  ],
};

describe('the program draft', () => {
  it('round-trips a program through the form unchanged', () => {
    expect(programInputOf(draftOf(program), [])).toEqual({
      ...program,
      department: undefined,
      vision: undefined,
      effects: [{ ...program.effects[0], description: undefined }],
      tasks: [
        {
          ...program.tasks[0],
          description: undefined,
          actions: [{ ...program.tasks[0]?.actions[0], description: undefined, owner: undefined, start: undefined }],
        },
      ],
    });
  });

  it('gives a new item an id from its title, unique in the program and among the actions of other programs', () => {
    const draft = new ProgramDraft();
    draft.draft.set(draftOf(program));
    draft.addAction(0);
    draft.addAction(0);
    draft.update((changed) => {
      const actions = changed.tasks[0]?.actions ?? [];
      if (actions[1]) actions[1].title = 'Cameratoezicht centrum';
      if (actions[2]) actions[2].title = 'Cameratoezicht centrum';
    });
    const input = programInputOf(draft.draft() ?? draftOf(program), ['cameratoezicht-centrum']);
    expect(input.tasks[0]?.actions.map((action) => action.id)).toEqual([
      'boa',
      'cameratoezicht-centrum-2',
      'cameratoezicht-centrum-3',
    ]);
  });

  it('moves and removes items, and a removed effect leaves the tasks that named it', () => {
    const draft = new ProgramDraft();
    draft.draft.set(draftOf(program));
    draft.addEffect();
    draft.update((changed) => {
      if (changed.effects[1]) changed.effects[1].id = 'tweede';
    });
    draft.move({ kind: 'effects' }, 1, -1);
    expect(draft.draft()?.effects.map((effect) => effect.id)).toEqual(['tweede', 'veilig']);
    draft.move({ kind: 'effects' }, 0, -1);
    expect(draft.draft()?.effects.map((effect) => effect.id)).toEqual(['tweede', 'veilig']);
    draft.remove({ kind: 'effects' }, 1);
    expect(draft.draft()?.tasks[0]?.effects).toEqual([]);
  });

  it('names ids and element ids plainly', () => {
    expect(slugOf('Één regionale agenda (2026)!')).toBe('een-regionale-agenda-2026');
    expect(slugOf('2026')).toBe('nieuw');
    expect(fieldElementId('tasks[0].actions[1].due')).toBe('veld-tasks-0-actions-1-due');
  });

  it('names a field as the form does, in Dutch', () => {
    expect(fieldLabelOf('title')).toBe('Titel');
    expect(fieldLabelOf('tasks[0].actions[1].due')).toBe('Opgave 1, actie 2: einddatum');
    expect(fieldLabelOf('effects[2].indicators[0]')).toBe('Effect 3: indicatoren');
    expect(fieldLabelOf('tasks[1]')).toBe('Opgave 2');
  });
});
