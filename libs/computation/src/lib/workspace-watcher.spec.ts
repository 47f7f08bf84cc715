import { describe, expect, it } from 'vitest';
import { changedIndicators, fingerprintOf, watchWorkspaces } from './workspace-watcher';
import { createComputationFolder } from './testing/computation-workspace.fixture';

describe('workspace watcher', () => {
  it('changes the fingerprint when a file changes, and only then', async () => {
    const folder = await createComputationFolder();
    try {
      const before = await fingerprintOf(folder.root);
      expect(await fingerprintOf(folder.root)).toBe(before);
      await folder.write('data/bevolking.csv', 'peildatum,wijk,inwoners\n2026-01-01,Centrum,1200\n');
      expect(await fingerprintOf(folder.root)).not.toBe(before);
    } finally {
      await folder.remove();
    }
  });

  it('tells which municipality changed, and stops when asked', async () => {
    const folder = await createComputationFolder();
    const changes: [string, readonly string[] | null][] = [];
    const stop = watchWorkspaces(async () => [{ id: 'proefdorp', workspaceRoot: folder.root }], 20, (id, indicatorIds) => changes.push([id, indicatorIds]));
    try {
      await new Promise((wait) => setTimeout(wait, 100));
      expect(changes).toEqual([]);
      // Only a definition of an indicator changed: only that indicator is asked for.
      await folder.write('indicators/inwoners.yaml', 'title: Inwoners\n');
      await expect.poll(() => changes, { timeout: 2_000 }).toEqual([['proefdorp', ['inwoners']]]);
      await folder.write('data/bevolking.csv', 'peildatum,wijk,inwoners\n2026-01-01,Centrum,1200\n');
      await expect.poll(() => changes, { timeout: 2_000 }).toEqual([
        ['proefdorp', ['inwoners']],
        ['proefdorp', null],
      ]);
    } finally {
      stop();
      await folder.remove();
    }
  });

  it('asks for some indicators only when nothing but their definition files changed', () => {
    const before = new Map([
      ['indicators/a.yaml', '1'],
      ['indicators/b.yaml', '1'],
      ['programs/p.yaml', '1'],
    ]);
    expect(changedIndicators(before, new Map([...before, ['indicators/a.yaml', '2'], ['indicators/c.yaml', '1']]))).toEqual(['a', 'c']);
    expect(changedIndicators(before, new Map([...before].filter(([path]) => path !== 'indicators/b.yaml')))).toEqual(['b']);
    expect(changedIndicators(before, new Map([...before, ['programs/p.yaml', '2'], ['indicators/a.yaml', '2']]))).toBeNull();
    expect(changedIndicators(before, new Map([...before, ['indicators/notes.txt', '1']]))).toBeNull();
    expect(changedIndicators(before, before)).toEqual([]);
  });
});
