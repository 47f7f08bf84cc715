import { formatProblem } from '@koers/domain';
import { describe, expect, it } from 'vitest';
import { cleanFiles, withFiles, withoutFiles } from './workspace.fixture';
import { parseWorkspace } from './workspace.parser';

const text = (path: string): string => cleanFiles.find((file) => file.path === path)?.text ?? '';
const indicator = text('indicators/winkeldiefstallen.yaml');
const program = text('programs/bestuur.yaml');

describe('parseWorkspace: ids used twice', () => {
  it('reports a shared id on each file, naming the other, and uses neither', () => {
    const { workspace, problems } = parseWorkspace(
      '/ws',
      withFiles({ path: 'sources/misdaad.yaml', text: '# dezelfde bron\nid: misdrijven\ntitle: Misdaad\npath: data/m.csv\n' }),
    );
    expect(problems.filter((problem) => problem.message.startsWith('id ')).map(formatProblem)).toEqual([
      'sources/misdaad.yaml:2: id: id "misdrijven" is also used by sources/misdrijven.yaml; ids must be unique, so none of them is used: give each its own id (the "id:" field, or the file name when there is none)',
      'sources/misdrijven.yaml: id "misdrijven" is also used by sources/misdaad.yaml; ids must be unique, so none of them is used: give each its own id (the "id:" field, or the file name when there is none)',
    ]);
    expect(workspace.sources.map((source) => source.id)).toEqual(['bevolking']);
    // The indicator that reads the ambiguous source points at the files to fix.
    expect(problems).toContainEqual({
      file: 'indicators/winkeldiefstallen.yaml',
      line: 5,
      field: 'source',
      message: 'source "misdrijven" is left out because sources/misdaad.yaml and sources/misdrijven.yaml have problems: fix those first; the indicator is left out until then',
    });
  });
});

describe('parseWorkspace: indicators', () => {
  it('leaves out an indicator whose source or per.source names no source', () => {
    const broken = indicator.replace('source: misdrijven', 'source: misdrijve').replace('  source: bevolking', '  source: inwoners');
    const { workspace, problems } = parseWorkspace('/ws', withFiles({ path: 'indicators/winkeldiefstallen.yaml', text: broken }));
    expect(problems.filter((problem) => problem.file.startsWith('indicators/')).map(formatProblem)).toEqual([
      'indicators/winkeldiefstallen.yaml:5: source: source "misdrijve" does not exist: did you mean "misdrijven"? Otherwise add sources/misdrijve.yaml or name an existing source; the indicator is left out until then',
      'indicators/winkeldiefstallen.yaml:10: per.source: source "inwoners" does not exist: add sources/inwoners.yaml or name an existing source; the indicator is left out until then',
    ]);
    expect(workspace.indicators).toEqual([]);
  });

  it('reports a dimension listed twice, and keeps the indicator with it once', () => {
    const twice = indicator.replace('dimensions: [wijk]', 'dimensions:\n  - wijk\n  - soort\n  - wijk');
    const { workspace, problems } = parseWorkspace('/ws', withFiles({ path: 'indicators/winkeldiefstallen.yaml', text: twice }));
    expect(problems.map(formatProblem)).toEqual([
      'indicators/winkeldiefstallen.yaml:17: dimensions[2]: dimension "wijk" is listed twice: remove this one',
    ]);
    expect(workspace.indicators[0]?.dimensions).toEqual(['wijk', 'soort']);
  });
});

describe('parseWorkspace: sources', () => {
  it.each([
    ['/etc/passwd.csv', /absolute path/],
    ['C:\\data\\misdrijven.csv', /absolute path/],
    ['data/../../elders/misdrijven.csv', /points outside the workspace/],
    ['../misdrijven.csv', /points outside the workspace/],
  ])('refuses the path %s, which would read outside the workspace', (path, message) => {
    const { workspace, problems } = parseWorkspace(
      '/ws',
      withFiles({ path: 'sources/extra.yaml', text: `title: Extra\npath: ${JSON.stringify(path)}\nformat: csv\n` }),
    );
    expect(problems).toEqual([{ file: 'sources/extra.yaml', line: 2, field: 'path', message: expect.stringMatching(message) }]);
    expect(workspace.sources.map((source) => source.id)).not.toContain('extra');
  });

  it('accepts a path that stays inside after "..", and a glob', () => {
    const { workspace, problems } = parseWorkspace(
      '/ws',
      withFiles({ path: 'sources/extra.yaml', text: 'title: Extra\npath: data/x/../jaren/*.ndjson\n' }),
    );
    expect(problems).toEqual([]);
    expect(workspace.sources.find((source) => source.id === 'extra')?.format).toBe('json');
  });

  it('asks for format when the extension does not tell it', () => {
    const { workspace, problems } = parseWorkspace('/ws', withFiles({ path: 'sources/extra.yaml', text: 'title: Extra\npath: data/extra.xlsx\n' }));
    expect(problems.map(formatProblem)).toEqual([
      'sources/extra.yaml:2: path: cannot tell the format of "data/extra.xlsx" from its extension: add "format:" (csv, parquet or json)',
    ]);
    expect(workspace.sources.map((source) => source.id)).toEqual(['bevolking', 'misdrijven']);
  });
});

describe('parseWorkspace: programs', () => {
  it('leaves out a program with an effect, task or action id used twice in it', () => {
    const twice = program
      .replace('tasks:', 'tasks:\n  - id: allianties\n    title: Nog een keer\n    actions:\n      - { id: bestuurskrachtonderzoek, title: Dubbel, kind: regular, priority: basis }')
      .replace('tasks:', '  - id: veilig\n    title: Dubbel effect\ntasks:');
    const { workspace, problems } = parseWorkspace('/ws', withFiles({ path: 'programs/bestuur.yaml', text: twice }));
    expect(problems.map(formatProblem)).toEqual([
      'programs/bestuur.yaml:7: effects[1].id: effect id "veilig" is already used at effects[0].id: give each effect in the program its own id; the program is left out until then',
      'programs/bestuur.yaml:14: tasks[1].id: task id "allianties" is already used at tasks[0].id: give each task in the program its own id; the program is left out until then',
      'programs/bestuur.yaml:18: tasks[1].actions[0].id: action id "bestuurskrachtonderzoek" is already used at tasks[0].actions[0].id: give each action in the program its own id; the program is left out until then',
    ]);
    expect(workspace.programs).toEqual([]);
  });

  it('drops a task reference to an effect not in the program, and keeps the program', () => {
    const dangling = program.replace('effects: [veilig]', 'effects: [veilig, schoon]');
    const { workspace, problems } = parseWorkspace('/ws', withFiles({ path: 'programs/bestuur.yaml', text: dangling }));
    expect(problems.map(formatProblem)).toEqual([
      'programs/bestuur.yaml:10: tasks[0].effects[1]: effect "schoon" is not an effect of this program (use one of veilig): correct it, or add it under "effects:"',
    ]);
    expect(workspace.programs[0]?.tasks[0]?.effects).toEqual(['veilig']);
  });

  it('drops an effect reference to an indicator that does not exist, and keeps the program', () => {
    const { workspace, problems } = parseWorkspace('/ws', withoutFiles('indicators/winkeldiefstallen.yaml'));
    expect(problems.map(formatProblem)).toEqual([
      'programs/bestuur.yaml:6: effects[0].indicators[0]: indicator "winkeldiefstallen" does not exist: add indicators/winkeldiefstallen.yaml or name an existing indicator; the effect is shown without it until then',
    ]);
    expect(workspace.programs[0]?.effects[0]?.indicators).toEqual([]);
  });

  it('reports an action id used by two programs on both, and drops those actions', () => {
    const other = [
      'title: Veiligheid',
      'tasks:',
      '  - id: toezicht',
      '    title: Toezicht',
      '    actions:',
      '      - id: cameratoezicht',
      '        title: Cameratoezicht',
      '        kind: regular',
      '        priority: execution',
      '      - id: bestuurskrachtonderzoek',
      '        title: Ook onderzoek',
      '        kind: new',
      '        priority: basis',
      '',
    ].join('\n');
    const { workspace, problems } = parseWorkspace('/ws', withFiles({ path: 'programs/veiligheid.yaml', text: other }));
    expect(problems.map(formatProblem)).toEqual([
      'programs/bestuur.yaml:12: tasks[0].actions[0].id: action id "bestuurskrachtonderzoek" is also used in programs/veiligheid.yaml:10; action ids must be unique across the workspace because progress is reported per action: rename one of them (these actions are left out until then)',
      'programs/veiligheid.yaml:10: tasks[0].actions[1].id: action id "bestuurskrachtonderzoek" is also used in programs/bestuur.yaml:12; action ids must be unique across the workspace because progress is reported per action: rename one of them (these actions are left out until then)',
    ]);
    expect(workspace.programs.map((item) => [item.id, item.tasks.flatMap((task) => task.actions.map((action) => action.id))])).toEqual([
      ['bestuur', []],
      ['veiligheid', ['cameratoezicht']],
    ]);
  });
});
