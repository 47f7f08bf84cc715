import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInWorker, dryRunInWorker } from './compute-in-worker';
import type { DryRunRequest } from './dry-run';
import { createComputationFolder, workspaceFiles } from './testing/computation-workspace.fixture';

const repositoryRoot = resolve(import.meta.dirname, '../../../..');
const workerPath = join(import.meta.dirname, 'testing/compute.worker.testing.ts');
const worker = { workerPath, timeoutMs: 60_000, cwd: repositoryRoot };

const file = 'indicators/fietsendiefstallen.yaml';
const definition = (fields: Readonly<Record<string, string>>): string =>
  Object.entries({
    title: 'Winkeldiefstallen per jaar',
    unit: 'aantal',
    direction: 'lower_is_better',
    grain: 'year',
    source: 'misdrijven',
    time: 'pleegdatum',
    measure: 'count(*)',
    filter: "soort = 'winkeldiefstal'",
    ...fields,
  })
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');

describe('a dry run of one indicator, in a worker process', () => {
  let folder: Awaited<ReturnType<typeof createComputationFolder>>;
  const tryIt = (fields: Readonly<Record<string, string>>) =>
    dryRunInWorker({ workspaceRoot: folder.root, changes: [{ path: file, text: definition(fields) }], file, memoryLimit: '256MB', queryTimeoutMs: 10_000 } satisfies DryRunRequest, worker);

  beforeAll(async () => {
    folder = await createComputationFolder();
  });
  afterAll(() => folder.remove());

  it('computes the values the file would give, and stores and writes nothing', async () => {
    const outcome = await tryIt({ targets: '{ "2025": 2 }', dimensions: '[wijk]' });
    expect(outcome.problems).toEqual([]);
    expect(outcome.report?.values).toEqual([
      { period: '2024', value: 2 },
      { period: '2025', value: 3 },
    ]);
    expect(outcome.report?.breakdown['wijk']).toContainEqual({ member: 'Centrum', period: '2025', value: 2 });
    expect(outcome.statuses).toEqual([
      { period: '2024', status: 'no_target' },
      { period: '2025', status: 'off_track' },
    ]);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(join(folder.root, 'indicators'))).sort()).toEqual(['inwoners.yaml', 'winkeldiefstallen.yaml']);
    expect(await readdir(folder.path)).toEqual(['workspace']);
  });

  it('refuses a measure that reads a file or runs a statement, before anything runs, on the field', async () => {
    for (const measure of ["count(*) + len(read_csv('/etc/passwd'))", '"count(*); DROP TABLE x"', '"COPY (SELECT 1) TO \'/tmp/x.csv\'"']) {
      const outcome = await tryIt({ measure });
      expect(outcome.report).toBeNull();
      expect(outcome.problems).toEqual([expect.objectContaining({ file, field: 'measure' })]);
    }
  });

  it('names the field of an unknown column, of a bad target year, and of a source that does not exist', async () => {
    expect((await tryIt({ filter: "soortt = 'x'" })).problems).toEqual([expect.objectContaining({ field: 'filter', message: expect.stringContaining('soortt') })]);
    expect((await tryIt({ targets: '{ "25": 2 }' })).problems).toEqual([expect.objectContaining({ field: 'targets.25', line: 9 })]);
    expect((await tryIt({ source: 'misdrijf' })).problems).toEqual([expect.objectContaining({ field: 'source', message: expect.stringContaining('"misdrijf" does not exist') })]);
  });

  it('checks a workspace with other definitions over its data, as koers check does', async () => {
    const problems = await checkInWorker(
      {
        workspaceRoot: folder.root,
        // inwoners.yaml is left out: the program's effect then names an indicator that is not there.
        files: [
          { path: file, text: definition({ measure: 'sum(bedrag)' }) },
          ...['koers.yaml', 'sources/misdrijven.yaml', 'sources/bevolking.yaml', 'indicators/winkeldiefstallen.yaml', 'programs/veiligheid.yaml'].map((path) => ({
            path,
            text: workspaceFiles[path] ?? '',
          })),
        ],
        memoryLimit: '256MB',
        queryTimeoutMs: 10_000,
      },
      worker,
    );
    expect(problems).toEqual([
      expect.objectContaining({ file: 'programs/veiligheid.yaml', message: expect.stringContaining('inwoners') }),
      expect.objectContaining({ file, field: 'measure', message: expect.stringContaining('bedrag') }),
    ]);
  });
});
