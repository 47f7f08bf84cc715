import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../repository-root.mjs';
import { writeDemoData, type WrittenFile } from './demo/demo-workspaces.writer';

const committedDemo = join(repositoryRoot, 'data/demo');

describe('demo data', () => {
  let out: string;
  let written: WrittenFile[];

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'koers-demo-data-'));
    written = await writeDemoData(out);
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('regenerates exactly the committed data files (run `npm run demo-data` after changing the generator)', async () => {
    for (const file of written) {
      const fresh = await readFile(join(out, file.path), 'utf8');
      const committed = await readFile(join(committedDemo, file.path), 'utf8');
      expect(fresh, file.path).toBe(committed);
    }
  });

  it('leaves no committed data file that the generator no longer writes', async () => {
    for (const municipality of ['uithoorn', 'hilversum', 'diemen']) {
      const committed = await readdir(join(committedDemo, municipality, 'data'));
      const generated = written.filter((file) => file.path.startsWith(`${municipality}/`)).map((file) => file.path.split('/').at(-1));
      expect(committed.sort()).toEqual(generated.sort());
    }
  });

  it('keeps the three workspaces small', () => {
    expect(written.reduce((total, file) => total + file.bytes, 0)).toBeLessThan(10_000_000);
  });

  it('covers every quarter of 2021 up to 2025 in the crime register of each municipality', async () => {
    for (const municipality of ['uithoorn', 'hilversum', 'diemen']) {
      const lines = (await readFile(join(out, municipality, 'data/misdrijven.csv'), 'utf8')).trim().split('\n').slice(1);
      const quarters = new Set(lines.map((line) => `${line.slice(0, 4)}-Q${Math.ceil(Number(line.slice(5, 7)) / 3)}`));
      expect(quarters.size, municipality).toBe(20);
    }
  });
});
