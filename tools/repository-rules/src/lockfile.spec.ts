import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../repository-root.mjs';
import { missingOptionalEntries, type Lockfile } from './lockfile';

describe('package-lock.json', () => {
  it('locks every optional platform binary, so `npm ci` works on any machine', () => {
    const lockfile = JSON.parse(readFileSync(resolve(repositoryRoot, 'package-lock.json'), 'utf8')) as Lockfile;
    expect(missingOptionalEntries(lockfile)).toEqual([]);
  });

  it('finds an optional dependency that has no entry of its own', () => {
    const lockfile: Lockfile = {
      packages: {
        '': { version: '0.0.0' },
        'node_modules/a': { version: '1.0.0', optionalDependencies: { 'a-linux-x64': '1.0.0', 'a-win32-x64': '1.0.0' } },
        'node_modules/a-linux-x64': { version: '1.0.0' },
      },
    };
    expect(missingOptionalEntries(lockfile)).toEqual(['node_modules/a → a-win32-x64@1.0.0']);
  });
});
