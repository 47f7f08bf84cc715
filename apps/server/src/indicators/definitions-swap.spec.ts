import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { finishInterruptedImport, replaceDefinitions } from './definitions-swap';

describe('replacing the definitions of a workspace', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'koers-swap-'));
    for (const folder of ['sources', 'indicators', 'programs', 'data']) await mkdir(join(root, folder));
    await writeFile(join(root, 'koers.yaml'), 'municipality: Oud\n');
    await writeFile(join(root, 'indicators/oud.yaml'), 'title: Oud\n');
    await writeFile(join(root, 'data/x.csv'), 'a\n1\n');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('replaces koers.yaml and the three folders whole, keeps data/, and leaves nothing behind', async () => {
    await replaceDefinitions(root, [
      { path: 'indicators/nieuw.yaml', text: 'title: Nieuw\n' },
      { path: 'sources/x.yaml', text: 'title: X\npath: data/x.csv\n' },
    ]);
    expect((await readdir(root)).sort()).toEqual(['data', 'indicators', 'programs', 'sources']);
    expect(await readdir(join(root, 'indicators'))).toEqual(['nieuw.yaml']);
    expect(await readFile(join(root, 'data/x.csv'), 'utf8')).toBe('a\n1\n');
  });

  it('finishes an import that stopped after its journal, at any step', async () => {
    // As a server killed between two renames leaves it: indicators moved aside, not yet moved in.
    const id = '0a1b2c3d-0000-4000-8000-000000000000';
    const staging = join(root, `.koers-import-${id}`);
    const backup = join(root, `.koers-backup-${id}`);
    for (const folder of ['sources', 'indicators', 'programs']) await mkdir(join(staging, folder), { recursive: true });
    await writeFile(join(staging, 'koers.yaml'), 'municipality: Nieuw\n');
    await writeFile(join(staging, 'indicators/nieuw.yaml'), 'title: Nieuw\n');
    await mkdir(backup);
    await rename(join(root, 'koers.yaml'), join(backup, 'koers.yaml'));
    await rename(join(staging, 'koers.yaml'), join(root, 'koers.yaml'));
    await rename(join(root, 'indicators'), join(backup, 'indicators'));
    await writeFile(join(root, '.koers-import.json'), JSON.stringify({ staging: `.koers-import-${id}`, backup: `.koers-backup-${id}`, entries: ['koers.yaml', 'sources', 'indicators', 'programs'] }));

    await finishInterruptedImport(root);
    expect((await readdir(root)).sort()).toEqual(['data', 'indicators', 'koers.yaml', 'programs', 'sources']);
    expect(await readFile(join(root, 'koers.yaml'), 'utf8')).toBe('municipality: Nieuw\n');
    expect(await readdir(join(root, 'indicators'))).toEqual(['nieuw.yaml']);
    await finishInterruptedImport(root);
  });

  it('refuses a journal that points outside the workspace', async () => {
    await writeFile(join(root, '.koers-import.json'), JSON.stringify({ staging: '../../etc', backup: '.koers-backup-x', entries: [] }));
    await expect(finishInterruptedImport(root)).rejects.toThrow(/not one Koers wrote/);
  });
});
