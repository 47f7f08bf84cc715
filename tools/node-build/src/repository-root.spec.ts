import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepositoryRoot, repositoryRoot } from '../../repository-root.mjs';

describe('the repository root', () => {
  it('is the folder of nx.json, above this project', () => {
    expect(existsSync(join(repositoryRoot, 'nx.json'))).toBe(true);
    expect(join(repositoryRoot, 'tools/node-build/src')).toBe(import.meta.dirname);
  });

  it('is found from any folder below it, such as a bundle under dist/', () => {
    const root = mkdtempSync(join(tmpdir(), 'koers-root-'));
    try {
      writeFileSync(join(root, 'nx.json'), '{}');
      mkdirSync(join(root, 'dist/apps/server/chunks'), { recursive: true });
      expect(findRepositoryRoot(join(root, 'dist/apps/server/chunks'))).toBe(root);
      expect(findRepositoryRoot(root)).toBe(root);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('says so outside a repository', () => {
    expect(() => findRepositoryRoot(tmpdir())).toThrow(/No nx\.json in .* or above it/);
  });
});
