import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type IndicatorResult } from '@koers/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCheckLines, parseComputeOutput, runKoers, type ComputeOutput, type KoersRun } from './cli/koers-runner';
import { differencesOf } from './compare/result-comparison';
import { buildBadWorkspace, type BadCase, type BadWorkspace } from './fixtures/bad-workspace.fixture';
import { listFiles } from './fixtures/file-listing';
import { computeReference } from './reference/reference-engine';

/** An error as one line of text, wherever it came from: `file:line: message`. */
interface ReportedError {
  readonly file: string;
  readonly text: string;
}

function matches(error: ReportedError, badCase: BadCase): boolean {
  if (error.file !== badCase.file && error.file !== badCase.alternativeFile) return false;
  const text = error.text.toLowerCase();
  if (!badCase.mentions.every((word) => text.includes(word.toLowerCase()))) return false;
  return badCase.line === undefined || new RegExp(`(line|regel|rij|row)\\s*${badCase.line}\\b|:${badCase.line}\\b`, 'i').test(error.text);
}

/**
 * Bad inputs, one file each, in one workspace with good indicators beside
 * them: `check` and `compute --json` must each name every problem on its own
 * file, compute the rest, exit 1, and never read or write outside the workspace.
 */
describe('koers check and compute report every bad input on its own', () => {
  let parent: string;
  let workspace: BadWorkspace;
  let expected: Map<string, IndicatorResult>;
  let check: KoersRun;
  let compute: KoersRun;
  let output: ComputeOutput;
  let checkErrors: ReportedError[];
  let computeErrors: ReportedError[];
  let filesBefore: string[];

  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), 'koers-contract-bad-'));
    workspace = buildBadWorkspace(parent);
    filesBefore = listFiles(workspace.root);
    [expected, check, compute] = await Promise.all([
      computeReference(workspace.reference),
      runKoers(['check', workspace.root]),
      runKoers(['compute', workspace.root, '--json']),
    ]);
    output = parseComputeOutput(compute);
    checkErrors = parseCheckLines(check.stdout).map((line) => ({
      file: line.path,
      text: `${line.path}${line.line === null ? '' : `:${line.line}`}: ${line.message}`,
    }));
    computeErrors = output.errors.map((error) => ({ file: error.file, text: `${error.file}: ${error.message}` }));
  });

  afterAll(() => {
    if (parent) rmSync(parent, { recursive: true, force: true });
  });

  it('exits 1 from both commands', () => {
    expect(check.exitCode).toBe(1);
    expect(compute.exitCode).toBe(1);
  });

  it('prints every check problem as `path: message` or `path:line: message`', () => {
    expect(parseCheckLines(check.stdout).filter((line) => line.path === '')).toEqual([]);
  });

  it('still computes the good indicators, equal to the reference', () => {
    for (const [id, reference] of expected) {
      const actual = output.indicators.find((indicator) => (indicator as { id: unknown }).id === id);
      expect(actual, `koers did not compute ${id}`).toBeDefined();
      expect(differencesOf(actual, reference), id).toEqual([]);
    }
    expect(computeErrors.filter((error) => error.file.includes('goed-'))).toEqual([]);
  });

  it('creates no file by COPY or ATTACH, inside or outside the workspace', () => {
    for (const path of workspace.forbiddenFiles) expect(existsSync(path), path).toBe(false);
    expect(listFiles(workspace.root)).toEqual(filesBefore);
  });

  it('lets nothing read outside the workspace reach the output', () => {
    const hostname = readFileSync('/etc/hostname', 'utf8').trim();
    const printed = `${check.stdout}${check.stderr}${compute.stdout}${compute.stderr}`;
    expect(printed).not.toContain(workspace.secret);
    if (hostname.length >= 6) expect(printed).not.toContain(hostname);
  });

  describe.each(['check', 'compute'] as const)('%s', (command) => {
    const errorsOf = (): ReportedError[] => (command === 'check' ? checkErrors : computeErrors);

    it.each(buildBadWorkspaceCasesForNames())('names %s on its own file', (_label, index) => {
      const badCase = workspace.cases[index];
      if (!badCase) throw new Error(`no case ${index}`);
      const found = errorsOf().filter((error) => matches(error, badCase));
      const onFile = errorsOf().filter((error) => error.file === badCase.file || error.file === badCase.alternativeFile);
      expect(found, `expected an error on ${badCase.file} mentioning ${JSON.stringify(badCase.mentions)}${badCase.line ? ` and line ${badCase.line}` : ''}; on that file: ${JSON.stringify(onFile.map((error) => error.text))}`).not.toEqual([]);
      if (command === 'compute' && badCase.notComputed) {
        const ids = output.indicators.map((indicator) => (indicator as { id: unknown }).id);
        expect(ids, `${badCase.notComputed} must not be computed`).not.toContain(badCase.notComputed);
      }
    });
  });
});

/** The case labels for the test names, known before the workspace is written (same seed, same cases). */
function buildBadWorkspaceCasesForNames(): [string, number][] {
  const scratch = mkdtempSync(join(tmpdir(), 'koers-contract-names-'));
  try {
    return buildBadWorkspace(scratch).cases.map((badCase, index) => [badCase.label, index]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
