import { formatProblem, type WorkspaceProblem } from '@koers/domain';
import { describe, expect, it } from 'vitest';
import { cleanFiles, withFiles } from './workspace.fixture';
import { parseWorkspace } from './workspace.parser';

/** The problems of one file as `koers check` prints them. */
function inFile(problems: readonly WorkspaceProblem[], file: string): string[] {
  return problems.filter((problem) => problem.file === file).map(formatProblem);
}

const indicator = cleanFiles.find((file) => file.path === 'indicators/winkeldiefstallen.yaml')?.text ?? '';

describe('parseWorkspace: a clean workspace', () => {
  it('reads every item with id and file, sorted by id, and finds no problems', () => {
    const { workspace, problems } = parseWorkspace('/ws/uithoorn', cleanFiles);
    expect(problems).toEqual([]);
    expect(workspace.municipality).toBe('Uithoorn');
    expect(workspace.sources.map((source) => [source.id, source.file, source.format])).toEqual([
      ['bevolking', 'sources/bevolking.yaml', 'parquet'],
      ['misdrijven', 'sources/misdrijven.yaml', 'csv'],
    ]);
    const [winkeldiefstallen] = workspace.indicators;
    expect(winkeldiefstallen?.id).toBe('winkeldiefstallen');
    expect(winkeldiefstallen?.targets).toEqual({ '2025': 2, '2026': 1.8 });
    expect(winkeldiefstallen?.per?.scale).toBe(1000);
    expect(workspace.programs[0]?.tasks[0]?.actions[0]?.start).toBe('2021-01-01');
  });

  it('takes the municipality from the folder name without koers.yaml, and the id from the id field', () => {
    const files = withFiles({ path: 'sources/misdrijven.yaml', text: 'id: misdaad\ntitle: M\npath: data/m.csv\n' });
    const { workspace } = parseWorkspace('/ws/diemen/', files.filter((file) => file.path !== 'koers.yaml'));
    expect(workspace.municipality).toBe('diemen');
    expect(workspace.sources.map((source) => source.id)).toEqual(['bevolking', 'misdaad']);
  });
});

describe('parseWorkspace: budget order', () => {
  it('lists programs by their budget number, those without one last by id', () => {
    const files = withFiles(
      { path: 'programs/wonen.yaml', text: 'number: 8\ntitle: Wonen\n' },
      { path: 'programs/veiligheid.yaml', text: 'number: 1\ntitle: Veiligheid\n' },
      { path: 'programs/algemeen.yaml', text: 'title: Algemene dekkingsmiddelen\n' },
    );
    const { workspace, problems } = parseWorkspace('/ws', files);
    expect(problems).toEqual([]);
    expect(workspace.programs.map((program) => program.id)).toEqual(['veiligheid', 'wonen', 'algemeen', 'bestuur']);
  });

  it('refuses a budget number that is not a whole number, on its line', () => {
    const { problems } = parseWorkspace('/ws', withFiles({ path: 'programs/wonen.yaml', text: 'title: Wonen\nnumber: 1.5\n' }));
    expect(inFile(problems, 'programs/wonen.yaml')).toEqual([expect.stringMatching(/^programs\/wonen\.yaml:2: number: .*whole number/)]);
  });
});

describe('parseWorkspace: files that cannot be read as definitions', () => {
  it('reports a YAML syntax error with the parser line, and leaves the item out', () => {
    const { workspace, problems } = parseWorkspace('/ws', withFiles({ path: 'sources/extra.yaml', text: 'title: Extra\npath: data/e.csv\nformat: csv: x\n' }));
    expect(problems).toEqual([{ file: 'sources/extra.yaml', line: 3, message: expect.stringMatching(/^YAML syntax error: .*Fix the YAML here/) }]);
    expect(workspace.sources.map((source) => source.id)).toEqual(['bevolking', 'misdrijven']);
  });

  it('reports a duplicate key as a syntax error on its line', () => {
    const { problems } = parseWorkspace('/ws', withFiles({ path: 'sources/extra.yaml', text: 'title: A\npath: data/b.csv\ntitle: B\n' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'sources/extra.yaml', line: 3 });
    expect(problems[0]?.message).toMatch(/unique/);
  });

  it('reports a top level that is a list, not a mapping', () => {
    const { problems } = parseWorkspace('/ws', withFiles({ path: 'sources/extra.yaml', text: '# extra\n- title: Extra\n' }));
    expect(problems).toEqual([
      { file: 'sources/extra.yaml', line: 2, message: expect.stringMatching(/top level must be a mapping.*found a list/) },
    ]);
  });

  it('reports an empty file (comments only count as empty)', () => {
    const { problems } = parseWorkspace('/ws', withFiles({ path: 'sources/extra.yaml', text: '# todo\n' }));
    expect(problems).toEqual([{ file: 'sources/extra.yaml', message: expect.stringMatching(/empty: write its fields \(title, path, format\)/) }]);
  });

  it('tells to rename a .yml file and another extension to .yaml, and skips dot files', () => {
    const { problems } = parseWorkspace(
      '/ws',
      withFiles(
        { path: 'indicators/extra.yml', text: indicator },
        { path: 'programs/notes.md', text: '# notes' },
        { path: 'programs/.gitkeep', text: '' },
        { path: 'data/misdrijven.csv', text: 'a,b' },
      ),
    );
    expect(problems.map(formatProblem)).toEqual([
      'indicators/extra.yml: definition files must end in .yaml: rename it to indicators/extra.yaml',
      'programs/notes.md: only .yaml files belong in programs/: rename it to .yaml if it is a definition, or move it out of programs/',
    ]);
  });

  it('refuses a file name that is no valid id when there is no id field, suggesting one', () => {
    const { workspace, problems } = parseWorkspace('/ws', withFiles({ path: 'indicators/Winkel Diefstal.yaml', text: indicator }));
    expect(problems).toEqual([
      {
        file: 'indicators/Winkel Diefstal.yaml',
        message: expect.stringContaining('rename the file to indicators/winkel-diefstal.yaml or add an "id:" field'),
      },
    ]);
    expect(workspace.indicators.map((item) => item.id)).toEqual(['winkeldiefstallen']);
  });
});

describe('parseWorkspace: schema errors, on the line of the offending key', () => {
  const program = (actionLines: string[]) => ({
    path: 'programs/bestuur.yaml',
    text: [
      'title: Bestuur',
      'tasks:',
      '  - id: allianties',
      '    title: Allianties',
      '    actions:',
      '      - id: eerste',
      '        title: Eerste',
      '        kind: new',
      '        priority: basis',
      '      - id: tweede',
      '        title: Tweede',
      ...actionLines,
      '',
    ].join('\n'),
  });

  it('names an unknown field on its own line, with the nearest allowed field', () => {
    const { workspace, problems } = parseWorkspace('/ws', withFiles(program(['        kind: new', '        priority: basis', '        ownr: Team Strategie'])));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'programs/bestuur.yaml', line: 14, field: 'tasks[0].actions[1].ownr' });
    expect(problems[0]?.message).toMatch(/^unknown field "ownr": did you mean "owner"\? rename or remove it; allowed here: id, title/);
    expect(workspace.programs).toEqual([]);
  });

  it('reports bad enum values (kind, priority) with what was found and what is allowed', () => {
    const { problems } = parseWorkspace('/ws', withFiles(program(['        kind: nieuw', '        priority: urgent'])));
    expect(problems.map(formatProblem)).toEqual([
      'programs/bestuur.yaml:12: tasks[0].actions[1].kind: must be one of new, regular, found "nieuw"',
      'programs/bestuur.yaml:13: tasks[0].actions[1].priority: must be one of basis, statutory, execution, new_policy, found "urgent"',
    ]);
  });

  it('reports a date that does not exist, once', () => {
    const { problems } = parseWorkspace(
      '/ws',
      withFiles(program(['        kind: new', '        priority: basis', '        start: 2021-06-01', '        due: 2021-02-30'])),
    );
    expect(problems.map(formatProblem)).toEqual(['programs/bestuur.yaml:15: tasks[0].actions[1].due: is not a real calendar date, found "2021-02-30"']);
  });

  it('reports a due date before the start', () => {
    const { problems } = parseWorkspace(
      '/ws',
      withFiles(program(['        kind: new', '        priority: basis', '        start: 2021-06-01', '        due: 2021-01-31'])),
    );
    expect(problems.map(formatProblem)).toEqual(['programs/bestuur.yaml:15: tasks[0].actions[1].due: due must not be before start, found "2021-01-31"']);
  });

  it('reports bad grain and direction, a wrong type, a missing field and a bad id', () => {
    const text = indicator
      .replace('grain: quarter', 'grain: week')
      .replace('direction: lower_is_better', 'direction: lower')
      .replace('unit: per 1.000 inwoners\n', '')
      .replace('  scale: 1000', '  scale: veel')
      .replace('title:', 'id: Winkel\ntitle:');
    const { workspace, problems } = parseWorkspace('/ws', withFiles({ path: 'indicators/winkeldiefstallen.yaml', text }));
    expect(inFile(problems, 'indicators/winkeldiefstallen.yaml')).toEqual([
      'indicators/winkeldiefstallen.yaml: unit: is required but missing: add it (text)',
      'indicators/winkeldiefstallen.yaml:1: id: must start with a-z and contain only a-z, 0-9, "_" and "-" (for example "winkeldiefstallen"), found "Winkel"',
      'indicators/winkeldiefstallen.yaml:3: direction: must be one of lower_is_better, higher_is_better, found "lower"',
      'indicators/winkeldiefstallen.yaml:4: grain: must be one of month, quarter, year, found "week"',
      'indicators/winkeldiefstallen.yaml:13: per.scale: must be a number, found "veel"',
    ]);
    expect(workspace.indicators).toEqual([]);
  });

  it('reports a target year that is not a year on the line of its key', () => {
    const text = indicator.replace('targets: { 2025: 2.0, "2026": 1.8 }', 'targets:\n  2025: 2.0\n  2026-Q1: 1.8');
    const { problems } = parseWorkspace('/ws', withFiles({ path: 'indicators/winkeldiefstallen.yaml', text }));
    expect(inFile(problems, 'indicators/winkeldiefstallen.yaml')).toEqual([
      'indicators/winkeldiefstallen.yaml:17: targets.2026-Q1: key "2026-Q1": target years must be calendar years (for example 2025)',
    ]);
  });

  it('says what a number or a period must be instead of zod\'s own wording', () => {
    const text = indicator.replace('targets:', 'baseline: { period: true, value: 1 }\ndecimals: 12\ntargets:');
    const { problems } = parseWorkspace('/ws', withFiles({ path: 'indicators/winkeldiefstallen.yaml', text }));
    expect(inFile(problems, 'indicators/winkeldiefstallen.yaml')).toEqual([
      'indicators/winkeldiefstallen.yaml:15: baseline.period: must be text or a number, found true',
      'indicators/winkeldiefstallen.yaml:16: decimals: must be at most 10, found 12',
    ]);
  });

  it('checks koers.yaml against its schema', () => {
    const { workspace, problems } = parseWorkspace('/ws/uithoorn', withFiles({ path: 'koers.yaml', text: 'municipality: Uithoorn\ngemeente: x\n' }));
    expect(problems.map(formatProblem)).toEqual([
      'koers.yaml:2: gemeente: unknown field "gemeente": rename or remove it; allowed here: municipality',
    ]);
    expect(workspace.municipality).toBe('uithoorn');
  });
});
