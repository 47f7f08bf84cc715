import { formatProblem } from '@koers/domain';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanFiles } from './workspace.fixture';
import { loadWorkspace } from './workspace.loader';

describe('loadWorkspace', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'koers-workspace-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function write(path: string, text: string): Promise<void> {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }

  it('reads a real folder: koers.yaml and the definition folders, not data/ or subfolders', async () => {
    for (const file of cleanFiles) await write(file.path, file.text);
    await write('data/misdrijven.csv', 'pleegdatum,wijk\n2025-01-01,Centrum\n');
    await write('indicators/archief/oud.yaml', 'not: [valid');

    const { workspace, problems } = await loadWorkspace(dir);
    expect(problems).toEqual([]);
    expect(workspace.root).toBe(dir);
    expect(workspace.municipality).toBe('Uithoorn');
    expect(workspace.sources.map((source) => source.file)).toEqual(['sources/bevolking.yaml', 'sources/misdrijven.yaml']);
    expect(workspace.indicators.map((indicator) => indicator.id)).toEqual(['winkeldiefstallen']);
    expect(workspace.programs.map((program) => program.id)).toEqual(['bestuur']);
  });

  it('reports problems of real files with their lines, and a .yml file', async () => {
    for (const file of cleanFiles) await write(file.path, file.text);
    await write('sources/extra.yml', 'title: Extra\npath: data/e.csv\n');
    await write('sources/kapot.yaml', 'title: Kapot\npath: data/k.csv\nformat: xlsx\n');

    const { problems } = await loadWorkspace(dir);
    expect(problems.map(formatProblem)).toEqual([
      'sources/extra.yml: definition files must end in .yaml: rename it to sources/extra.yaml',
      'sources/kapot.yaml:3: format: must be one of csv, parquet, json, found "xlsx"',
    ]);
  });

  it('reports a missing folder as a problem instead of throwing', async () => {
    const missing = join(dir, 'bestaat-niet');
    const { workspace, problems } = await loadWorkspace(missing);
    expect(problems).toEqual([{ file: '.', message: `cannot read the workspace folder ${missing} (ENOENT): check the path` }]);
    expect(workspace).toMatchObject({ root: missing, municipality: 'bestaat-niet', sources: [], indicators: [], programs: [] });
  });

  it('reports a file given instead of a folder', async () => {
    await write('koers.yaml', 'municipality: Diemen\n');
    const { problems } = await loadWorkspace(join(dir, 'koers.yaml'));
    expect(problems.map(formatProblem)).toEqual([`.: cannot read the workspace folder ${join(dir, 'koers.yaml')} (ENOTDIR): check the path`]);
  });

  it('says when a folder does not look like a workspace at all', async () => {
    await write('README.md', '# not a workspace');
    const { problems } = await loadWorkspace(dir);
    expect(problems).toEqual([{ file: '.', message: expect.stringContaining('is this a Koers workspace?') }]);
  });

  it('reports a file that cannot be read (a dangling link) and still reads the rest', async () => {
    for (const file of cleanFiles) await write(file.path, file.text);
    await symlink(join(dir, 'elders/weg.yaml'), join(dir, 'sources/weg.yaml'));

    const { workspace, problems } = await loadWorkspace(dir);
    expect(problems.map(formatProblem)).toEqual(['sources/weg.yaml: cannot read the file (ENOENT): check that it exists and is readable']);
    expect(workspace.sources.map((source) => source.id)).toEqual(['bevolking', 'misdrijven']);
  });
});
