import { describe, expect, it } from 'vitest';
import { fingerprintOf, watchWorkspaces } from './workspace-watcher';
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
    const changes: string[] = [];
    const stop = watchWorkspaces(async () => [{ id: 'proefdorp', workspaceRoot: folder.root }], 20, (id) => changes.push(id));
    try {
      await new Promise((wait) => setTimeout(wait, 100));
      expect(changes).toEqual([]);
      await folder.write('indicators/inwoners.yaml', 'title: Inwoners\n');
      await expect.poll(() => changes, { timeout: 2_000 }).toEqual(['proefdorp']);
    } finally {
      stop();
      await folder.remove();
    }
  });
});
