import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadWorkspace } from './workspace.loader';
import { cleanFiles } from './workspace.fixture';
import { parseWorkspace } from './workspace.parser';
import { readWorkspaceZip } from './workspace-zip.reader';
import { writeWorkspaceZip } from './workspace-zip.writer';
import { fixtureZip } from './zip.fixture';

describe('a workspace zip', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'koers-zip-'));
    for (const file of cleanFiles) {
      await mkdir(dirname(join(folder, 'uithoorn', file.path)), { recursive: true });
      await writeFile(join(folder, 'uithoorn', file.path), file.text);
    }
    await mkdir(join(folder, 'uithoorn', 'data'));
    await writeFile(join(folder, 'uithoorn', 'data', 'misdrijven.csv'), 'pleegdatum,wijk\n2025-01-01,Centrum\n');
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('goes out and comes back as the same workspace, without the data files unless asked', async () => {
    const root = join(folder, 'uithoorn');
    const written = await writeWorkspaceZip(root, { folderName: 'uithoorn', includeData: false });
    const zip = await buffer(written.stream);
    const read = await readWorkspaceZip(zip);
    expect(read.problems).toEqual([]);
    expect(read.skipped).toEqual([]);
    expect([...read.files].sort((a, b) => a.path.localeCompare(b.path))).toEqual([...cleanFiles].sort((a, b) => a.path.localeCompare(b.path)));
    const original = await loadWorkspace(root);
    expect(parseWorkspace(root, read.files)).toEqual(original);

    const withData = await readWorkspaceZip(await buffer((await writeWorkspaceZip(root, { folderName: 'uithoorn', includeData: true })).stream));
    expect(withData.skipped).toEqual(['data/misdrijven.csv']);
  });

  it('leaves out a data file that is a link', async () => {
    await writeFile(join(folder, 'secret.txt'), 'geheim');
    await symlink(join(folder, 'secret.txt'), join(folder, 'uithoorn', 'data', 'link.csv'));
    const written = await writeWorkspaceZip(join(folder, 'uithoorn'), { folderName: 'uithoorn', includeData: true });
    expect(written.dataFiles).toEqual(['data/misdrijven.csv']);
    await buffer(written.stream);
  });

  it('reads a workspace at the top of the zip as well as in one folder', async () => {
    const read = await readWorkspaceZip(fixtureZip([{ name: 'koers.yaml', data: 'municipality: Uithoorn\n' }, { name: 'README.md', data: '# notes' }]));
    expect(read).toEqual({ files: [{ path: 'koers.yaml', text: 'municipality: Uithoorn\n' }], skipped: ['README.md'], problems: [] });
  });

  it('refuses entries whose path leaves the folder, and unpacks nothing then', async () => {
    const read = await readWorkspaceZip(
      fixtureZip([
        { name: 'uithoorn/koers.yaml', data: 'municipality: Uithoorn\n' },
        { name: 'uithoorn/../../etc/cron.d/x', data: 'boom' },
        { name: '/etc/passwd', data: 'root' },
        { name: 'C:/windows/x.yaml', data: 'x' },
        { name: 'indicators\\..\\x.yaml', data: 'x' },
      ]),
    );
    expect(read.files).toEqual([]);
    expect(read.problems).toEqual([
      { file: 'uithoorn/../../etc/cron.d/x', message: expect.stringContaining('verlaat de map') },
      { file: '/etc/passwd', message: expect.stringContaining('absoluut pad') },
      { file: 'C:/windows/x.yaml', message: expect.stringContaining('absoluut pad') },
      // Read as the zip tools read it, with "/": it leaves the folder.
      { file: 'indicators/../x.yaml', message: expect.stringContaining('verlaat de map') },
    ]);
  });

  it('refuses a link, whatever it points at', async () => {
    const read = await readWorkspaceZip(fixtureZip([{ name: 'indicators/x.yaml', data: '/etc/passwd', mode: 0o120777 }]));
    expect(read.problems).toEqual([{ file: 'indicators/x.yaml', message: expect.stringContaining('koppeling') }]);
  });

  it('refuses too many entries before reading any', async () => {
    const entries = Array.from({ length: 30 }, (_, index) => ({ name: `data/${index}.csv`, data: 'a' }));
    const read = await readWorkspaceZip(fixtureZip(entries), { maxEntries: 20 });
    expect(read.problems).toEqual([{ file: '.', message: expect.stringContaining('30 onderdelen') }]);
  });

  it('refuses a definition over the loader limit from its declared size, and one that unpacks past what it declared', async () => {
    const large = await readWorkspaceZip(fixtureZip([{ name: 'programs/groot.yaml', data: `title: ${'x'.repeat(2 * 1024 * 1024)}\n` }]));
    expect(large.problems).toEqual([{ file: 'programs/groot.yaml', message: expect.stringContaining('at most 1 MiB') }]);
    const lying = await readWorkspaceZip(fixtureZip([{ name: 'programs/bom.yaml', data: 'x'.repeat(500_000), declaredSize: 10 }]));
    expect(lying.files).toEqual([]);
    expect(lying.problems).toEqual([{ file: '.', message: expect.stringContaining('beschadigd') }]);
    const total = await readWorkspaceZip(
      fixtureZip(Array.from({ length: 5 }, (_, index) => ({ name: `programs/p${index}.yaml`, data: 'x'.repeat(300_000) }))),
      { maxTotalBytes: 1_000_000 },
    );
    expect(total.problems).toEqual([{ file: '.', message: expect.stringContaining('hoogstens 976.6 KiB') }]);
  });

  it('refuses what is not a zip, a name written twice, and text that is not UTF-8', async () => {
    expect((await readWorkspaceZip(Buffer.from('title: geen zip'))).problems).toEqual([{ file: '.', message: expect.stringContaining('geen zip-bestand') }]);
    const twice = await readWorkspaceZip(fixtureZip([{ name: 'koers.yaml', data: 'a: 1' }, { name: 'koers.yaml', data: 'b: 2' }]));
    expect(twice.problems).toEqual([{ file: 'koers.yaml', message: expect.stringContaining('twee keer') }]);
    const binary = await readWorkspaceZip(fixtureZip([{ name: 'koers.yaml', data: Buffer.from([0xff, 0xfe, 0x00]) }]));
    expect(binary.problems).toEqual([{ file: 'koers.yaml', message: expect.stringContaining('UTF-8') }]);
  });
});
