import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The hostile workspaces of issue 10, each run through the real command with small bounds
// (README.md, "Bounds"). Each must end within its bound, exit 1 with an error that names the
// file, compute the sound indicator beside it, and print, write or leave nothing outside the workspace.

const koers = resolve(dirname(fileURLToPath(import.meta.url)), '../../../bin/koers.mjs');
const mebibyte = 1024 ** 2;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly milliseconds: number;
  /** The most resident memory any process below the command had at one time (sampled every 10 ms; Linux). */
  readonly childPeakBytes: number;
  /** What the command left in its working folder (it should leave nothing). */
  readonly leftInWorkingFolder: string[];
}

/** The resident memory of every process below `pid`, by pid. */
function descendantsMemory(pid: number): Map<number, number> {
  const found = new Map<number, number>();
  const visit = (parent: number) => {
    let children: number[] = [];
    try {
      for (const task of readdirSync(`/proc/${parent}/task`)) {
        children.push(...readFileSync(`/proc/${parent}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
      }
    } catch {
      children = [];
    }
    for (const child of children) {
      try {
        const rss = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${child}/status`, 'utf8'))?.[1];
        if (rss !== undefined) found.set(child, Number(rss) * 1024);
      } catch {
        // The process ended between the two reads.
      }
      visit(child);
    }
  };
  visit(pid);
  return found;
}

/** Runs the real command with the bounds in `env`, from an empty working folder. */
async function run(args: string[], env: Record<string, string>): Promise<Run> {
  const cwd = await mkdtemp(join(tmpdir(), 'koers-cwd-'));
  const started = Date.now();
  const child = spawn(process.execPath, [koers, ...args], { cwd, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let childPeakBytes = 0;
  const sampler = setInterval(() => {
    if (child.pid === undefined) return;
    for (const bytes of descendantsMemory(child.pid).values()) childPeakBytes = Math.max(childPeakBytes, bytes);
  }, 10);
  const code = await new Promise<number | null>((done) => child.once('exit', (exitCode) => done(exitCode)));
  clearInterval(sampler);
  return { code, stdout, stderr, milliseconds: Date.now() - started, childPeakBytes, leftInWorkingFolder: await readdir(cwd) };
}

const misdrijven = 'pleegdatum,soort,wijk,x\n2025-01-03,winkeldiefstal,Centrum,1\n2025-02-03,inbraak,Noord,2\n2025-04-05,winkeldiefstal,Noord,3\n';
const indicatorYaml = (measure: string) =>
  `title: T\nunit: aantal\ndirection: lower_is_better\ngrain: quarter\nsource: misdrijven\ntime: pleegdatum\nmeasure: ${JSON.stringify(measure)}\n`;

/** A sound workspace (one source, the indicator `goed`) plus the hostile `extra` files. */
async function workspace(extra: Record<string, string | Uint8Array>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'koers-bounds-'));
  const files: Record<string, string | Uint8Array> = {
    'koers.yaml': 'municipality: Testdorp\n',
    'data/misdrijven.csv': misdrijven,
    'sources/misdrijven.yaml': 'title: Misdrijven\npath: data/misdrijven.csv\ncolumns:\n  pleegdatum: date\n',
    'indicators/goed.yaml': indicatorYaml('count(*)'),
    ...extra,
  };
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

async function filesOf(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true })).map(String).sort();
}

/**
 * Runs `compute --json` (and with `isChecked`, `check` too) and asserts what every hostile case
 * must: within `boundMs`, exit 1, the error on `file`, `goed` computed, nothing outside the workspace.
 */
async function expectContained(root: string, file: string, env: Record<string, string>, boundMs: number, isChecked = false): Promise<Run> {
  const before = await filesOf(root);
  const compute = await run(['compute', root, '--json'], env);
  expect(compute.code, compute.stderr).toBe(1);
  const output = JSON.parse(compute.stdout) as { indicators: Array<{ id: string; values: unknown[] }>; errors: Array<{ file: string; message: string }> };
  expect(output.indicators.map((indicator) => [indicator.id, indicator.values.length])).toEqual([['goed', 2]]);
  expect(output.errors.map((error) => error.file)).toEqual([file]);
  expect(compute.milliseconds, output.errors[0]?.message).toBeLessThan(boundMs);
  for (const result of isChecked ? [compute, await run(['check', root], env)] : [compute]) {
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain(`${file}`);
    expect(result.milliseconds).toBeLessThan(boundMs);
    // Nothing outside the workspace: no absolute path printed, nothing left where the command ran.
    expect(`${result.stdout}${result.stderr}`).not.toContain(tmpdir());
    expect(result.leftInWorkingFolder).toEqual([]);
  }
  expect(await filesOf(root)).toEqual(before);
  return compute;
}

describe('koers within its bounds (the hostile workspaces of issue 10)', () => {
  it('a JSON source nested 20,000 deep is refused as that source, at once', async () => {
    const root = await workspace({ 'data/diep.json': `${'['.repeat(20_000)}${']'.repeat(20_000)}\n`, 'sources/diep.yaml': 'title: Diep\npath: data/diep.json\n' });
    const compute = await expectContained(root, 'data/diep.json', {}, 30_000);
    expect(compute.stdout).toMatch(/nested \d+ levels deep/);
  });

  it('a JSON source that crashes DuckDB costs that source: exit 1, not 139', async () => {
    const root = await workspace({ 'data/diep.json': `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}\n`, 'sources/diep.yaml': 'title: Diep\npath: data/diep.json\n' });
    const compute = await expectContained(root, 'data/diep.json', {}, 60_000);
    expect(compute.stdout).toMatch(/loading stopped: DuckDB crashed on it \(SIGSEGV\)/);
  });

  it('a measure DuckDB cannot interrupt is stopped at the time limit, in check and in compute', async () => {
    // 11 times the 60,000 × 60,000: minutes unbounded.
    const root = await workspace({ 'indicators/traag.yaml': indicatorYaml(`count(*) + levenshtein(repeat('a', 200000), repeat('b', 200000))`) });
    const compute = await expectContained(root, 'indicators/traag.yaml', { KOERS_QUERY_TIMEOUT_MS: '1500' }, 60_000, true);
    expect(compute.stdout).toMatch(/stopped after 1500 ms, its time limit/);
  });

  it('a measure that grows past the memory limit is stopped there; the limit holds for the whole process', async () => {
    const limit = 768 * mebibyte;
    const env = { KOERS_MEMORY_LIMIT: '768MiB', KOERS_QUERY_TIMEOUT_MS: '60000' };
    // generate_series: memory DuckDB does not count (the guard may refuse it by name first; either way it is contained).
    const series = await workspace({ 'indicators/gulzig.yaml': indicatorYaml('sum(len(generate_series(1, 1000000000 + x)))') });
    const stopped = await expectContained(series, 'indicators/gulzig.yaml', env, 90_000);
    expect(stopped.childPeakBytes).toBeLessThanOrEqual(limit);
    // string_agg of large strings over 100,000 rows: no set-returning function; it grows until DuckDB refuses it, within the limit.
    const strings = await workspace({
      'data/veel.csv': `pleegdatum,soort\n${'2025-01-03,winkeldiefstal\n'.repeat(100_000)}`,
      'sources/veel.yaml': 'title: Veel\npath: data/veel.csv\n',
      'indicators/gulzig.yaml': indicatorYaml(`length(string_agg(repeat(soort, 100000), ''))`).replace('source: misdrijven', 'source: veel'),
    });
    const refused = await expectContained(strings, 'indicators/gulzig.yaml', env, 90_000);
    expect(refused.stdout).toMatch(/Out of Memory|memory limit/);
    // Measured from outside: the engine's process was seen near its limit, and never above it.
    expect(refused.childPeakBytes).toBeGreaterThan(limit / 2);
    expect(refused.childPeakBytes).toBeLessThanOrEqual(limit);
  });

  it('a 2.6 MB .csv.gz that unpacks to 1 GiB is refused by its size after decompression', async () => {
    // 1,024 gzip members of 1 MiB of CSV lines each: 1 GiB inflated, a few MB on disk.
    const member = gzipSync(`${'2025-01-01,winkeldiefstal\n'.repeat(40_330)}`);
    const bomb = Buffer.concat([gzipSync('pleegdatum,soort\n'), ...Array.from({ length: 1024 }, () => member)]);
    const root = await workspace({ 'data/bom.csv.gz': bomb, 'sources/bom.yaml': 'title: Bom\npath: data/bom.csv.gz\n' });
    const compute = await expectContained(root, 'data/bom.csv.gz', { KOERS_SOURCE_MAX_SIZE: '64MiB' }, 30_000);
    expect(compute.stdout).toMatch(/more than 64 MiB after decompression/);
  });

  it('a bound in the environment that cannot be read is a usage error', async () => {
    const root = await workspace({});
    const result = await run(['compute', root, '--json'], { KOERS_QUERY_TIMEOUT_MS: 'snel' });
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain('KOERS_QUERY_TIMEOUT_MS must be a positive whole number of milliseconds, not "snel"');
  });
});
