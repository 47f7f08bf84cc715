import { formatProblem } from '@koers/domain';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isInside } from './workspace-file.reader';
import { cleanFiles } from './workspace.fixture';
import { loadWorkspace } from './workspace.loader';

const secret = 'GEHEIM-BUITEN-DE-WERKMAP';

/** Makes a device node, where the machine lets us (root, mknod present); false otherwise. */
function makeCharacterDevice(path: string): boolean {
  try {
    execFileSync('mknod', [path, 'c', '1', '3'], { stdio: 'ignore' }); // the same device as /dev/null
    return true;
  } catch {
    return false;
  }
}

describe('loadWorkspace: only regular files inside the workspace are read', () => {
  let base: string;
  let dir: string;
  let outside: string;

  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'koers-hostile-'));
    dir = join(base, 'werkmap');
    outside = join(base, 'buiten');
    await mkdir(outside, { recursive: true });
    await writeFile(join(outside, 'geheim.yaml'), `title: ${secret}\nunit: x\n`);
    await mkdir(join(outside, 'indicators'));
    await writeFile(join(outside, 'indicators/vreemd.yaml'), `title: ${secret}\n`);
    for (const file of cleanFiles) {
      await mkdir(join(dir, file.path, '..'), { recursive: true });
      await writeFile(join(dir, file.path), file.text);
    }
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  /** Loads the workspace; the clean items must survive whatever was added. */
  async function load(): Promise<string[]> {
    const { workspace, problems } = await loadWorkspace(dir);
    expect(workspace.indicators.map((indicator) => indicator.id)).toEqual(['winkeldiefstallen']);
    expect(workspace.sources.map((source) => source.id)).toEqual(['bevolking', 'misdrijven']);
    const lines = problems.map(formatProblem);
    expect(lines.join('\n')).not.toContain(secret);
    return lines;
  }

  it('refuses a link to a file outside the workspace, without reading it', async () => {
    await symlink(join(outside, 'geheim.yaml'), join(dir, 'indicators/geheim.yaml'));
    await symlink('/etc/passwd', join(dir, 'sources/passwd.yaml'));
    const lines = await load();
    expect(lines).toEqual([
      'indicators/geheim.yaml: the file is a link to a file outside the workspace, and nothing outside the workspace is read: copy the file into the workspace instead of linking to it',
      expect.stringMatching(/^sources\/passwd\.yaml: the file is a link to a file outside the workspace/),
    ]);
    expect(lines.join('\n')).not.toMatch(/root:/);
  });

  it('refuses a relative link that climbs out, and a link to a device', async () => {
    await symlink('../../buiten/geheim.yaml', join(dir, 'programs/klim.yaml'));
    await symlink('/dev/zero', join(dir, 'programs/nul.yaml'));
    expect(await load()).toEqual([
      expect.stringMatching(/^programs\/klim\.yaml: the file is a link to a file outside/),
      expect.stringMatching(/^programs\/nul\.yaml: the file is a link to a file outside/),
    ]);
  });

  it('reads a link to a file inside the workspace', async () => {
    await mkdir(join(dir, 'gedeeld'));
    await writeFile(join(dir, 'gedeeld/extra.yaml'), 'title: Extra\npath: data/extra.csv\n');
    await symlink('../gedeeld/extra.yaml', join(dir, 'sources/extra.yaml'));
    const { workspace, problems } = await loadWorkspace(dir);
    expect(problems).toEqual([]);
    expect(workspace.sources.map((source) => source.file)).toEqual(['sources/bevolking.yaml', 'sources/extra.yaml', 'sources/misdrijven.yaml']);
  });

  it('refuses a definition folder that links outside, and reads one that links inside', async () => {
    await rm(join(dir, 'indicators'), { recursive: true });
    await mkdir(join(dir, 'definities/indicators'), { recursive: true });
    const indicator = cleanFiles.find((file) => file.path === 'indicators/winkeldiefstallen.yaml');
    await writeFile(join(dir, 'definities/indicators/winkeldiefstallen.yaml'), indicator?.text ?? '');
    await symlink('definities/indicators', join(dir, 'indicators'));
    await rm(join(dir, 'programs'), { recursive: true });
    await symlink(join(outside, 'indicators'), join(dir, 'programs'));
    const { workspace, problems } = await loadWorkspace(dir);
    expect(workspace.indicators.map((item) => item.id)).toEqual(['winkeldiefstallen']);
    expect(workspace.programs).toEqual([]);
    const lines = problems.map(formatProblem);
    expect(lines).toEqual([expect.stringMatching(/^programs\/: the folder is a link to a folder outside the workspace/)]);
    expect(lines.join('\n')).not.toContain(secret);
  });

  it('refuses a FIFO without opening it (nothing blocks), also under a name that does not belong', async () => {
    execFileSync('mkfifo', [join(dir, 'indicators/pijp.yaml')]);
    execFileSync('mkfifo', [join(dir, 'sources/pijp')]);
    const started = Date.now();
    expect(await load()).toEqual([
      'indicators/pijp.yaml: this is a named pipe (FIFO), not a regular file, and only regular files are read as definitions: replace it with the YAML file itself',
      expect.stringMatching(/^sources\/pijp: only \.yaml files belong in sources\//),
    ]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a FIFO in place of a definition folder or of koers.yaml', async () => {
    await rm(join(dir, 'programs'), { recursive: true });
    execFileSync('mkfifo', [join(dir, 'programs')]);
    await rm(join(dir, 'koers.yaml'));
    execFileSync('mkfifo', [join(dir, 'koers.yaml')]);
    const { problems } = await loadWorkspace(dir);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^koers\.yaml: this is a named pipe \(FIFO\), not a regular file/),
      'programs/: this is a named pipe (FIFO), not a folder: make it a folder holding the .yaml files, or remove it',
    ]);
  });

  it('refuses a device node without opening it', async ({ skip }) => {
    if (!makeCharacterDevice(join(dir, 'indicators/apparaat.yaml'))) skip('mknod needs root');
    expect(await load()).toEqual([expect.stringMatching(/^indicators\/apparaat\.yaml: this is a character device, not a regular file/)]);
  });

  it('refuses a file over the size limit before reading it, and says the limit', async () => {
    await writeFile(join(dir, 'programs/lang.yaml'), `title: Lang\nvision: "${'a'.repeat(1024 * 1024)}"\n`);
    expect(await load()).toEqual([
      'programs/lang.yaml: the file is 1,048,599 bytes, and a definition file may be at most 1,048,576 bytes (1 MiB): ' +
        'shorten the longest texts, split a large program into several program files, and keep data in a data file under data/ that a source points to',
    ]);
  });

  it('takes the size limit as an option', async () => {
    const { problems } = await loadWorkspace(dir, { limits: { maxFileBytes: 200 } });
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^indicators\/winkeldiefstallen\.yaml: the file is \d+ bytes, and a definition file may be at most 200 bytes/),
      expect.stringMatching(/^programs\/bestuur\.yaml: the file is \d+ bytes, .* at most 200 bytes/),
    ]);
  });

  it('refuses a file that is not UTF-8 text', async () => {
    await writeFile(join(dir, 'sources/blad.yaml'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00]));
    expect(await load()).toEqual([expect.stringMatching(/^sources\/blad\.yaml: the file is not UTF-8 text/)]);
  });

  it('refuses koers.yaml when it is a folder, and skips links to folders inside a definition folder', async () => {
    await rm(join(dir, 'koers.yaml'));
    await mkdir(join(dir, 'koers.yaml'));
    await symlink(outside, join(dir, 'sources/archief'));
    const lines = await load();
    expect(lines).toEqual([expect.stringMatching(/^koers\.yaml: koers\.yaml is a folder/)]);
  });
});

describe('isInside', () => {
  it.each([
    ['/ws', '/ws', true],
    ['/ws', '/ws/indicators/x.yaml', true],
    ['/ws', '/ws/..hidden.yaml', true],
    ['/ws', '/ws-other/x.yaml', false],
    ['/ws', '/etc/passwd', false],
    ['/ws', '/', false],
    ['/', '/etc', true],
  ])('%s contains %s: %s', (root, path, expected) => {
    expect(isInside(root, path)).toBe(expected);
  });
});
