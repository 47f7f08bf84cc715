import { formatProblem } from '@koers/domain';
import { describe, expect, it } from 'vitest';
import { withFiles } from './workspace.fixture';
import { parseWorkspace } from './workspace.parser';
import { readYamlFile } from './yaml-file';

/** A program whose 150 actions all name one owner through an alias, as a team plan does. */
function programReusingAnAnchor(times: number): string {
  const actions = Array.from({ length: times }, (_, index) =>
    [
      `      - id: actie-${index + 1}`,
      `        title: Actie ${index + 1}`,
      '        kind: regular',
      '        priority: execution',
      `        owner: ${index === 0 ? '&team Team Strategie en Beleid' : '*team'}`,
    ].join('\n'),
  );
  return ['title: Bestuur', 'tasks:', '  - id: uitvoering', '    title: Uitvoering', '    actions:', ...actions, ''].join('\n');
}

/** The "billion laughs": ten levels of ten aliases each, 10^9 values from a dozen lines. */
function aliasBomb(): string {
  const lines = ['title: Lachen', 'a0: &a0 "ha"'];
  for (let level = 1; level <= 9; level++) lines.push(`a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]`);
  lines.push('vision: *a9', '');
  return lines.join('\n');
}

describe('readYamlFile: aliases', () => {
  it('accepts an anchor reused 150 times, quickly and in full', () => {
    const started = Date.now();
    const { workspace, problems } = parseWorkspace('/ws', withFiles({ path: 'programs/bestuur.yaml', text: programReusingAnAnchor(150) }));
    expect(problems).toEqual([]);
    const actions = workspace.programs[0]?.tasks[0]?.actions ?? [];
    expect(actions).toHaveLength(150);
    expect(new Set(actions.map((action) => action.owner))).toEqual(new Set(['Team Strategie en Beleid']));
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses an alias bomb with file and line, without expanding it', () => {
    const started = Date.now();
    const read = readYamlFile('programs/lachen.yaml', aliasBomb(), 'title');
    expect(read.isOk).toBe(false);
    const problems = read.isOk ? [] : read.problems;
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^programs\/lachen\.yaml:8: the aliases in this file repeat more than 1,000,000 characters of values \(an alias bomb/),
    ]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a large anchor repeated many times, and takes the limit as an option', () => {
    const text = `title: &lang "${'x'.repeat(100_000)}"\nvision: [${Array(20).fill('*lang').join(', ')}]\n`;
    const read = readYamlFile('programs/p.yaml', text, 'title');
    expect(read.isOk ? [] : read.problems).toEqual([
      { file: 'programs/p.yaml', line: 2, message: expect.stringMatching(/^the aliases in this file repeat more than 1,000,000 characters/) },
    ]);
    const small = readYamlFile('programs/p.yaml', 'a: &a [1, 2, 3]\nb: [*a, *a, *a]\n', 'title', { maxFileBytes: 1000, maxAliasExpansion: 10 });
    expect(small.isOk ? [] : small.problems).toEqual([{ file: 'programs/p.yaml', line: 2, message: expect.stringMatching(/more than 10 characters/) }]);
  });

  it('refuses an alias without an anchor and an alias inside its own anchor, on their lines', () => {
    const missing = readYamlFile('programs/p.yaml', 'title: P\nowner: *nergens\n', 'title');
    expect(missing.isOk ? [] : missing.problems).toEqual([
      { file: 'programs/p.yaml', line: 2, message: 'the alias *nergens has no anchor &nergens before it: define the anchor first, or write the value out' },
    ]);
    const loop = readYamlFile('programs/p.yaml', 'title: P\nlus: &lus\n  - 1\n  - *lus\n', 'title');
    expect(loop.isOk ? [] : loop.problems).toEqual([
      { file: 'programs/p.yaml', line: 4, message: expect.stringMatching(/^the alias \*lus is inside its own anchor &lus, which makes an endless value/) },
    ]);
  });

  it('resolves a redefined anchor to the latest definition, as YAML says', () => {
    const read = readYamlFile('programs/p.yaml', 'a: &x 1\nb: [*x, &x 2, *x]\nc: *x\n', 'title');
    expect(read.isOk && read.yaml.value).toEqual({ a: 1, b: [1, 2, 2], c: 2 });
  });
});

describe('readYamlFile: whatever the text, a problem that names the file', () => {
  it.each([
    ['brackets', `title: ${'['.repeat(500_000)}${']'.repeat(500_000)}\n`, 1],
    ['mappings in brackets', `title: ${'{a: '.repeat(200_000)}1${'}'.repeat(200_000)}\n`, 1],
    ['a chain of list items', `title: x\nvision:\n  ${'- '.repeat(400_000)}x\n`, 3],
    ['indented mappings', `title: x\n${Array.from({ length: 150 }, (_, depth) => `${' '.repeat(depth)}k:`).join('\n')} 1\n`, 103],
    ['brackets behind a stray quote', `title: it's\nvision: ${'['.repeat(150)}${']'.repeat(150)}\n`, 2],
  ])('refuses values nested past 100 levels (%s) on their line, quickly, without throwing', (_, text, line) => {
    const started = Date.now();
    const read = readYamlFile('programs/diep.yaml', text, 'title');
    expect(read.isOk ? [] : read.problems).toEqual([
      { file: 'programs/diep.yaml', line, message: expect.stringMatching(/^the values nest more than 100 levels deep/) },
    ]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reads values nested as deep as a real definition, and brackets inside quoted texts', () => {
    const text = `title: "[[[[ ${'['.repeat(200)}"\nvision: '${'{'.repeat(200)}'\nlijst: ${'['.repeat(50)}1${']'.repeat(50)}\n`;
    const read = readYamlFile('programs/p.yaml', text, 'title');
    expect(read.isOk).toBe(true);
  });

  it('shows only the start of a long single value', () => {
    const passwd = Array.from({ length: 40 }, (_, index) => `gebruiker${index}:x:${1000 + index}:${1000 + index}::/home/gebruiker${index}:/bin/sh`).join('\n');
    const read = readYamlFile('sources/passwd.yaml', passwd, 'title, path');
    const [problem] = read.isOk ? [] : read.problems;
    expect(problem?.message).toMatch(/^the top level must be a mapping .*found a single value \("gebruiker0:x:1000.{20,60}…" \(\d+ characters\)\)$/);
    expect(problem?.message).not.toContain('gebruiker39');
  });

  it('refuses a text past the size limit, also when given without a file system', () => {
    const { problems } = parseWorkspace('/ws', withFiles({ path: 'indicators/groot.yaml', text: `title: "${'é'.repeat(600_000)}"\n` }));
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^indicators\/groot\.yaml: the file is 1\.1 MiB, and a definition file may be at most 1 MiB/),
    ]);
  });

  it('keeps a syntax error to the parser message, without an excerpt of the file', () => {
    const read = readYamlFile('sources/s.yaml', 'title: [niet gesloten\npath: x\n', 'title');
    const [problem] = read.isOk ? [] : read.problems;
    expect(problem?.message).toMatch(/^YAML syntax error: [^\n]*Fix the YAML here/);
    expect(problem?.message.length).toBeLessThan(400);
  });
});
