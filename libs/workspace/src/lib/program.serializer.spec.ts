import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ProgramDocument, programSchema } from '@koers/domain';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { leadingComments, serializeProgram } from './program.serializer';
import { withFiles } from './workspace.fixture';
import { parseWorkspace } from './workspace.parser';

/** The item at `index`, which the test knows is there. */
function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index} in a list of ${list.length}`);
  return item;
}

const demoRoot = fileURLToPath(new URL('../../../../data/demo', import.meta.url));
const demoPrograms = readdirSync(demoRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((municipality) => readdirSync(join(demoRoot, municipality.name, 'programs')).map((name) => join(municipality.name, 'programs', name)));

function documentOf(text: string): ProgramDocument {
  return programSchema.parse(parse(text));
}

const program: ProgramDocument = {
  title: 'Veiligheid',
  portfolioHolders: ['burgemeester', 'wethouder: Wonen'],
  department: 'Openbare Orde en Veiligheid',
  vision: 'Een veilige gemeente, '.repeat(12).trim(),
  policyDocuments: ['Integraal Veiligheidsplan 2023-2026'],
  effects: [
    { id: 'minder-criminaliteit', title: 'Minder winkeldiefstal', indicators: ['winkeldiefstallen', 'vernielingen'] },
    { id: 'veilig-gevoel', title: 'Inwoners voelen zich veilig', description: 'Eerste regel.\nTweede regel:  met twee spaties.', indicators: [] },
  ],
  tasks: [
    {
      id: 'toezicht',
      title: 'Meer toezicht in de wijken',
      effects: ['minder-criminaliteit'],
      actions: [
        { id: 'boa-inzet', title: 'true', kind: 'regular', priority: 'statutory', owner: 'Team Handhaving (Duo+)', start: '2026-01-01', due: '2026-12-31' },
        { id: 'camera', title: '# geen commentaar', description: '  begint met spaties', kind: 'new', priority: 'new_policy' },
      ],
    },
    { id: 'leeg', title: 'Nog zonder acties', effects: [], actions: [] },
  ],
};

describe('serializeProgram', () => {
  it.each(demoPrograms)('writes %s back to a text that reads as the same program, its opening comments kept', (path) => {
    const text = readFileSync(join(demoRoot, path), 'utf8');
    const written = serializeProgram(documentOf(text), text);

    expect(documentOf(written)).toEqual(documentOf(text));
    expect(written.startsWith(leadingComments(text))).toBe(true);
    // Written again, the text is the same: a save without a change changes nothing.
    expect(serializeProgram(documentOf(written), written)).toBe(written);
  });

  it('keeps every value exact, lists in their order, and fields in the order of the format', () => {
    const written = serializeProgram(program);

    expect(documentOf(written)).toEqual(program);
    const keys = written.split('\n').filter((line) => /^[a-zA-Z]+:/.test(line)).map((line) => line.slice(0, line.indexOf(':')));
    expect(keys).toEqual(['title', 'portfolioHolders', 'department', 'vision', 'policyDocuments', 'effects', 'tasks']);
    expect(written).toContain('    indicators: [winkeldiefstallen, vernielingen]\n');
    expect(written).toContain('\nvision: >-\n');
    expect(written).toContain('description: |-\n');
    expect(written).toContain('        start: 2026-01-01\n');
    // An empty optional field is left out, and so is an empty list of actions.
    expect(written).not.toContain('actions: []');
  });

  it('reorders effects, tasks and actions as given, and the loader reads the text without a problem', () => {
    const reordered: ProgramDocument = {
      ...program,
      effects: [...program.effects].reverse(),
      tasks: [{ ...at(program.tasks, 0), actions: [...at(program.tasks, 0).actions].reverse() }, at(program.tasks, 1)],
    };
    const written = serializeProgram(reordered);
    expect(documentOf(written).effects.map((effect) => effect.id)).toEqual(['veilig-gevoel', 'minder-criminaliteit']);
    expect(documentOf(written).tasks[0]?.actions.map((action) => action.id)).toEqual(['camera', 'boa-inzet']);

    const indicator = (id: string) => ({
      path: `indicators/${id}.yaml`,
      text: `title: ${id}\nunit: aantal\ndirection: lower_is_better\ngrain: quarter\nsource: misdrijven\ntime: pleegdatum\nmeasure: count(*)\n`,
    });
    const { problems } = parseWorkspace('/w', withFiles({ path: 'programs/bestuur.yaml', text: written }, indicator('vernielingen')));
    expect(problems).toEqual([]);
  });

  it('opens with the comment lines that opened the old text, and only those', () => {
    const previous = '# Veiligheid van Uithoorn.\n#\n# Bron: begroting 2026.\n\ntitle: Oud # niet bewaard\n';
    expect(leadingComments(previous)).toBe('# Veiligheid van Uithoorn.\n#\n# Bron: begroting 2026.\n');
    expect(serializeProgram({ ...program, effects: [], tasks: [] }, previous).split('\n').slice(0, 4)).toEqual([
      '# Veiligheid van Uithoorn.',
      '#',
      '# Bron: begroting 2026.',
      'title: Veiligheid',
    ]);
    expect(leadingComments('title: Geen commentaar\n')).toBe('');
    expect(leadingComments(undefined)).toBe('');
  });
});
