import { DuckDBInstance } from '@duckdb/node-api';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indicatorYaml, misdrijvenCsv as misdrijven, runKoers } from './koers-run.fixture';

/** Runs the real command, as `npx koers` does. */
const run = (...args: string[]) => runKoers(args);

/** A clean workspace, plus `extra` files (path → content) that may break it. */
async function workspace(extra: Record<string, string> = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'koers-cli-'));
  const files: Record<string, string> = {
    'koers.yaml': 'municipality: Testdorp\n',
    'data/misdrijven.csv': misdrijven,
    'sources/misdrijven.yaml': 'title: Misdrijven\npath: data/misdrijven.csv\ncolumns:\n  pleegdatum: date\n',
    'indicators/winkeldiefstallen.yaml': indicatorYaml({ filter: `"soort = 'winkeldiefstal'"`, dimensions: '[wijk]', targets: "{ '2025': 2 }" }),
    ...extra,
  };
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

describe('koers (the real command)', () => {
  it('check: a clean workspace prints nothing and exits 0', async () => {
    const result = await run('check', await workspace());
    expect(result).toMatchObject({ code: 0, stdout: '' });
  });

  it('compute --json: the contract JSON, equal to a hand-written DuckDB query', async () => {
    const root = await workspace();
    const result = await run('compute', root, '--json');
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as { indicators: Array<Record<string, unknown>>; errors: unknown[] };
    const hand = await (await DuckDBInstance.create(':memory:')).connect();
    const expected = await hand.runAndReadAll(
      `SELECT strftime(date_trunc('quarter', pleegdatum), '%Y') || '-Q' || quarter(pleegdatum) AS period,
              CAST(count(*) FILTER (WHERE soort = 'winkeldiefstal') AS DOUBLE) AS value
       FROM read_csv('${join(root, 'data/misdrijven.csv')}') GROUP BY ALL ORDER BY period`,
    );
    hand.closeSync();
    expect(output).toEqual({
      indicators: [
        {
          id: 'winkeldiefstallen',
          status: 'on_track',
          latest: { period: '2025-Q2', value: 1 },
          target: 2,
          values: expected.getRowObjectsJS(),
          breakdown: {
            wijk: [
              { member: 'Centrum', period: '2025-Q1', value: 1 },
              { member: 'Noord', period: '2025-Q1', value: 0 },
              { member: 'Noord', period: '2025-Q2', value: 1 },
            ],
          },
        },
      ],
      errors: [],
    });
  });

  const broken: Array<[string, Record<string, string>, string, RegExp]> = [
    ['a missing data file', { 'sources/kapot.yaml': 'title: K\npath: data/weg.csv\n', 'indicators/kapot.yaml': indicatorYaml({ source: 'kapot' }) }, 'sources/kapot.yaml', /data\/weg\.csv.*not found/],
    ['an unknown column in a measure', { 'indicators/kapot.yaml': indicatorYaml({ measure: 'sum(bestaat_niet)' }) }, 'indicators/kapot.yaml', /measure: .*bestaat_niet/],
    ['an unknown source', { 'indicators/kapot.yaml': indicatorYaml({ source: 'onbekend' }) }, 'indicators/kapot.yaml', /onbekend/],
    ['a bad grain', { 'indicators/kapot.yaml': indicatorYaml({ grain: 'week' }) }, 'indicators/kapot.yaml', /grain: .*month, quarter, year/],
    ['a bad direction', { 'indicators/kapot.yaml': indicatorYaml({ direction: 'up' }) }, 'indicators/kapot.yaml', /direction: .*lower_is_better/],
    ['bad YAML', { 'indicators/kapot.yaml': 'title: [niet gesloten\nunit: x\n' }, 'indicators/kapot.yaml', /./],
    ['a second statement', { 'indicators/kapot.yaml': indicatorYaml({ measure: '"count(*); DROP TABLE x"' }) }, 'indicators/kapot.yaml', /measure: .*(;|statement)/],
    ['a file read through a subquery', { 'indicators/kapot.yaml': indicatorYaml({ measure: `"(SELECT count(*) FROM read_csv('/etc/passwd'))"` }) }, 'indicators/kapot.yaml', /measure: /],
    ['a COPY', { 'indicators/kapot.yaml': indicatorYaml({ measure: `"COPY (SELECT 1) TO '/tmp/koers-copy.csv'"` }) }, 'indicators/kapot.yaml', /measure: .*COPY/],
    ['a bad value in a declared column', { 'data/misdrijven.csv': `${misdrijven}2025-13-01,inbraak,Noord\n` }, 'data/misdrijven.csv:5', /pleegdatum/],
  ];

  for (const [kind, files, path, message] of broken) {
    it(`check and compute: ${kind}`, async () => {
      const root = await workspace(files);
      const check = await run('check', root);
      expect(check.code, check.stderr).toBe(1);
      const lines = check.stdout.trim().split('\n');
      expect(lines.find((line) => line.startsWith(`${path}:`)), check.stdout).toMatch(message);

      const compute = await run('compute', root, '--json');
      expect(compute.code, compute.stderr).toBe(1);
      const output = JSON.parse(compute.stdout) as { indicators: Array<{ id: string }>; errors: Array<{ file: string; message: string }> };
      expect(output.errors.some((error) => path.startsWith(error.file)), compute.stdout).toBe(true);
      const isSourceBroken = path.startsWith('data/misdrijven.csv');
      expect(output.indicators.map((indicator) => indicator.id)).toEqual(isSourceBroken ? [] : ['winkeldiefstallen']);
    });
  }

  it('usage: --help for the tool and each command, unknown command or flag exits 2 on stderr', async () => {
    const help = await run('--help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('Usage: koers <command>');
    expect((await run('check', '--help')).stdout).toContain('Usage: koers check DIR');
    expect((await run('compute', '--help')).stdout).toContain('--json');
    for (const args of [['frobnicate'], ['compute', '.', '--csv'], ['check'], []]) {
      const result = await run(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('Usage: koers');
    }
  });
});
