// The real `koers` command on workspaces that are hostile or just odd: links
// out of the workspace, a FIFO, a device, files too large, YAML alias bombs,
// measures that would mislead, and control characters in names and messages.
// Every run must end within its bound, exit 1, name the file, compute the
// good indicator beside it, and print, read or write nothing outside the
// workspace.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorYaml, misdrijvenCsv, runKoers, type KoersRun as Run } from './koers-run.fixture';

/** A run takes ~2 s on a quiet machine; far past this bound it counts as hung. */
const runBoundMs = 30_000;

/** Runs the real command, killing it at twice the bound. */
const run = (...args: string[]): Promise<Run> => runKoers(args, runBoundMs * 2);

const secret = 'GEHEIM-BUITEN-DE-WERKMAP';

/** A program whose actions all name one owner through an alias, as a team plan does. */
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

/** The "billion laughs": nine levels of ten aliases, 10^9 values from eleven lines. */
function aliasBomb(): string {
  const lines = ['title: Lachen', 'a0: &a0 "ha"'];
  for (let level = 1; level <= 9; level++) lines.push(`a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]`);
  lines.push('vision: *a9', '');
  return lines.join('\n');
}

/** Escapes ASCII control characters the way the command prints them (written out here, to check the command's own). */
function printed(text: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return [...text]
    .map((char) => (char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f ? (named[char] ?? `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`) : char))
    .join('');
}

/** True when `text` holds a control character other than the newline that ends each line. */
function hasRawControlCharacter(text: string): boolean {
  return [...text].some((char) => char !== '\n' && (char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f));
}

interface HostileCase {
  readonly name: string;
  /** The file that must be named (relative to the workspace, as the JSON gives it). */
  readonly file: string;
  /** The line named, where there is one. */
  readonly line?: number;
  /** The message as the JSON gives it (after `line N: `), control characters and all. */
  readonly message: RegExp;
  /** The message as `check` prints it, where escaping makes it differ. */
  readonly printedMessage?: RegExp;
  /** Makes the hostile part in `root`; `outside` is a folder next to it. False: cannot be made here (skip). */
  readonly make: (root: string, outside: string) => Promise<boolean | void>;
}

async function writeIn(root: string, path: string, content: string | Buffer): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), content);
}

/**
 * Measures that would mislead, each in its own indicator file of one shared
 * workspace (all go through the same guard in one run; one refused indicator
 * must not stop the others).
 */
const misleadingMeasures: ReadonlyArray<readonly [measure: string, message: RegExp]> = [
  ['sum(sum(1)) OVER ()', /^measure: sum\(\.\.\.\) OVER \(\.\.\.\) is a window function.*cannot use OVER/],
  ['random()', /^measure: random\(\.\.\.\) gives a different value on every run/],
  ['generate_series(1, 3)', /^measure: generate_series\(\.\.\.\) makes several values out of one/],
  ['len(range(3))', /^measure: range\(\.\.\.\) makes several values/],
  ['sum(unnest([1, 2]))', /^measure: unnest\(\.\.\.\) makes several values/],
  ['epoch(now())', /^measure: now is the moment the indicator is computed/],
  ['count(*) FILTER (WHERE pleegdatum < current_date)', /^measure: current_date is the moment/],
  ['length(CAST(uuid() AS VARCHAR))', /^measure: uuid\(\.\.\.\) gives a different value/],
  ['"main"."RANDOM"()', /^measure: random\(\.\.\.\)/i],
];

/* eslint-disable no-control-regex -- the messages hold the control characters under test */
const hostileCases: readonly HostileCase[] = [
  {
    name: 'a definition that links to a file outside the workspace',
    file: 'indicators/geheim.yaml',
    message: /link to a file outside the workspace/,
    make: (root, outside) => symlink(join(outside, 'geheim.yaml'), join(root, 'indicators/geheim.yaml')),
  },
  {
    name: 'a definition that links to /etc/passwd',
    file: 'sources/passwd.yaml',
    message: /link to a file outside the workspace/,
    make: (root) => symlink('/etc/passwd', join(root, 'sources/passwd.yaml')),
  },
  {
    name: 'a definition that links to a FIFO outside (it would hang if it were opened)',
    file: 'indicators/pijp-buiten.yaml',
    message: /link to a file outside the workspace/,
    make: (root, outside) => symlink(join(outside, 'pijp'), join(root, 'indicators/pijp-buiten.yaml')),
  },
  {
    name: 'a definition folder that links to a folder outside the workspace',
    file: 'programs/',
    message: /the folder is a link to a folder outside the workspace/,
    make: (root, outside) => symlink(join(outside, 'programs'), join(root, 'programs')),
  },
  {
    name: 'a FIFO among the definition files',
    file: 'indicators/pijp.yaml',
    message: /named pipe \(FIFO\), not a regular file/,
    make: async (root) => {
      execFileSync('mkfifo', [join(root, 'indicators/pijp.yaml')]);
    },
  },
  {
    name: 'a character device among the definition files',
    file: 'indicators/apparaat.yaml',
    message: /character device, not a regular file/,
    make: async (root) => {
      try {
        execFileSync('mknod', [join(root, 'indicators/apparaat.yaml'), 'c', '1', '3'], { stdio: 'ignore' });
        return true;
      } catch {
        return false; // mknod needs root
      }
    },
  },
  {
    name: 'a definition that links to /dev/zero',
    file: 'sources/nul.yaml',
    message: /link to a file outside the workspace/,
    make: (root) => symlink('/dev/zero', join(root, 'sources/nul.yaml')),
  },
  {
    name: 'a definition file over 1 MiB',
    file: 'programs/groot.yaml',
    message: /the file is 1\.5 MiB, and a definition file may be at most 1 MiB/,
    make: (root) => writeIn(root, 'programs/groot.yaml', `title: Groot\nvision: "${'visie '.repeat(262_144)}"\n`),
  },
  {
    name: 'a YAML alias bomb',
    file: 'programs/lachen.yaml',
    line: 8,
    message: /^the aliases in this file repeat more than 1,000,000 characters/,
    make: (root) => writeIn(root, 'programs/lachen.yaml', aliasBomb()),
  },
  {
    name: 'a file name with an ANSI escape, a carriage return and a newline',
    file: 'indicators/\u001b[31mrood\r\nregel.yaml',
    message: /^the file name "\u001b\[31mrood\r\nregel" is not a valid id/,
    printedMessage: /^the file name "\\x1b\[31mrood\\r\\nregel" is not a valid id/,
    make: (root) => writeIn(root, 'indicators/\u001b[31mrood\r\nregel.yaml', indicatorYaml()),
  },
  {
    name: 'a YAML key with an ANSI escape and a carriage return',
    file: 'indicators/sleutel.yaml',
    line: 8,
    message: /^\u001b\[2J\rkleur: unknown field "\\u001b\[2J\\rkleur": rename or remove it/,
    printedMessage: /^\\x1b\[2J\\rkleur: unknown field "\\u001b\[2J\\rkleur": rename or remove it/,
    make: (root) => writeIn(root, 'indicators/sleutel.yaml', `${indicatorYaml()}\n"\\e[2J\\rkleur": rood\n`),
  },
  {
    name: "a column name with an ANSI escape and a newline, in DuckDB's message",
    file: 'indicators/kolom.yaml',
    // DuckDB's message is cut at its first line break (the engine keeps the first line).
    message: /^measure: Referenced column "\u001b\[31mrood/,
    printedMessage: /^measure: Referenced column "\\x1b\[31mrood/,
    make: (root) => writeIn(root, 'indicators/kolom.yaml', indicatorYaml({ measure: '"sum(\\"\\e[31mrood\\nkolom\\")"' })),
  },
];
/* eslint-enable no-control-regex */

describe('koers on a hostile workspace (the real command)', () => {
  let base: string;
  let outsideListing: string;

  /** The names, sizes and modification times of everything outside the workspace: the runs must leave it as it was. */
  async function listOutside(outside: string): Promise<string> {
    const entries = await readdir(outside, { recursive: true });
    const rows = await Promise.all(entries.sort().map(async (entry) => {
      const info = await stat(join(outside, entry));
      return `${entry} ${info.size} ${info.mtimeMs}`;
    }));
    return rows.join('\n');
  }

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'koers-hostile-cli-'));
    const outside = join(base, 'buiten');
    await writeIn(outside, 'geheim.yaml', `title: ${secret}\nunit: ${secret}\n`);
    await writeIn(outside, 'programs/vreemd.yaml', `title: ${secret}\n`);
    execFileSync('mkfifo', [join(outside, 'pijp')]);
    outsideListing = await listOutside(outside);
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  /** A clean workspace with one good indicator, in its own folder beside `buiten/`. */
  async function workspace(name: string): Promise<string> {
    const root = join(base, name);
    await writeIn(root, 'koers.yaml', 'municipality: Testdorp\n');
    await writeIn(root, 'data/misdrijven.csv', misdrijvenCsv);
    await writeIn(root, 'sources/misdrijven.yaml', 'title: Misdrijven\npath: data/misdrijven.csv\ncolumns:\n  pleegdatum: date\n');
    await writeIn(root, 'indicators/winkeldiefstallen.yaml', indicatorYaml({ filter: `"soort = 'winkeldiefstal'"` }));
    return root;
  }

  /** What every run must show: it ended in time, printed nothing from outside, no stack trace, no raw control character. */
  function expectContained(result: Run, what: string): void {
    expect(result.isKilled, `${what} did not end`).toBe(false);
    expect(result.elapsedMs, what).toBeLessThan(runBoundMs);
    expect(result.stdout + result.stderr, what).not.toContain(secret);
    expect(result.stdout + result.stderr, what).not.toMatch(/^root:/m);
    expect(result.stderr, what).not.toMatch(/\n\s+at /);
    if (!what.includes('--json')) expect(hasRawControlCharacter(result.stdout), `${what}: ${JSON.stringify(result.stdout)}`).toBe(false);
  }

  for (const [index, hostile] of hostileCases.entries()) {
    it(`check and compute --json: ${hostile.name}`, async ({ skip }) => {
      const root = await workspace(`werkmap-${index}`);
      if ((await hostile.make(root, join(base, 'buiten'))) === false) skip('cannot be made on this machine');

      const check = await run('check', root);
      expectContained(check, 'check');
      expect(check.code, check.stderr).toBe(1);
      // One line per problem: `file:line: message`, escaped.
      const prefix = `${printed(hostile.file)}:${hostile.line === undefined ? '' : `${hostile.line}:`} `;
      const named = check.stdout.split('\n').filter((line) => line.startsWith(prefix)).map((line) => line.slice(prefix.length));
      expect(named, check.stdout).toContainEqual(expect.stringMatching(hostile.printedMessage ?? hostile.message));

      const compute = await run('compute', root, '--json');
      expectContained(compute, 'compute --json');
      expect(compute.code, compute.stderr).toBe(1);
      const output = JSON.parse(compute.stdout) as {
        indicators: Array<{ id: string; values: Array<{ period: string; value: number | null }> }>;
        errors: Array<{ file: string; message: string }>;
      };
      const linePrefix = hostile.line === undefined ? '' : `line ${hostile.line}: `;
      const messages = output.errors
        .filter((error) => error.file === hostile.file && error.message.startsWith(linePrefix))
        .map((error) => error.message.slice(linePrefix.length));
      expect(messages, compute.stdout).toContainEqual(expect.stringMatching(hostile.message));
      const good = output.indicators.find((indicator) => indicator.id === 'winkeldiefstallen');
      expect(good?.values, compute.stdout).toEqual([
        { period: '2025-Q1', value: 1 },
        { period: '2025-Q2', value: 1 },
      ]);

      expect(await listOutside(join(base, 'buiten'))).toBe(outsideListing);
    }, 4 * runBoundMs);
  }

  describe('measures that would mislead, side by side in one workspace', () => {
    let check: Run;
    let compute: Run;
    let output: { indicators: Array<{ id: string }>; errors: Array<{ file: string; message: string }> };
    const fileOf = (index: number) => `indicators/misleidend-${index}.yaml`;

    beforeAll(async () => {
      const root = await workspace('werkmap-maten');
      for (const [index, [measure]] of misleadingMeasures.entries()) {
        await writeIn(root, fileOf(index), indicatorYaml({ measure: JSON.stringify(measure) }));
      }
      check = await run('check', root);
      compute = await run('compute', root, '--json');
      output = JSON.parse(compute.stdout) as typeof output;
    }, 4 * runBoundMs);

    it('both runs end in time with exit 1 and compute the good indicator', () => {
      expectContained(check, 'check');
      expectContained(compute, 'compute --json');
      expect([check.code, compute.code], check.stderr + compute.stderr).toEqual([1, 1]);
      expect(output.indicators.map((indicator) => indicator.id)).toEqual(['winkeldiefstallen']);
      expect(output.errors.map((error) => error.file)).toEqual(misleadingMeasures.map((_, index) => fileOf(index)));
    });

    for (const [index, [measure, message]] of misleadingMeasures.entries()) {
      it(`refuses ${measure} next to the field, in check and compute --json`, () => {
        const lines = check.stdout.split('\n').filter((line) => line.startsWith(`${fileOf(index)}: `));
        expect(lines.map((line) => line.slice(fileOf(index).length + 2)), check.stdout).toEqual([expect.stringMatching(message)]);
        const errors = output.errors.filter((error) => error.file === fileOf(index));
        expect(errors.map((error) => error.message), compute.stdout).toEqual([expect.stringMatching(message)]);
      });
    }
  });

  it('check and compute --json: a program that reuses one anchor 150 times is accepted, quickly and whole', async () => {
    const root = await workspace('werkmap-anker');
    await writeIn(root, 'programs/bestuur.yaml', programReusingAnAnchor(150));

    const check = await run('check', root);
    expectContained(check, 'check');
    expect(check).toMatchObject({ code: 0, stdout: '', stderr: '' });

    const compute = await run('compute', root, '--json');
    expectContained(compute, 'compute --json');
    expect(compute.code, compute.stderr).toBe(0);
    expect((JSON.parse(compute.stdout) as { indicators: Array<{ id: string }> }).indicators.map((indicator) => indicator.id)).toEqual(['winkeldiefstallen']);
  }, 4 * runBoundMs);
});
