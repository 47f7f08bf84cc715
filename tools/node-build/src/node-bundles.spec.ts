import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildNodeBundle, bundleStaleReason, workerEntryPoints } from './node-bundles.mjs';

let root: string;

/**
 * Writes a file as it stood before the next build: a minute old. A file written
 * in the very millisecond a build starts counts as changed during it (its
 * mtime has sub-millisecond precision, the build's start does not), which is
 * right for `koers` but would make these tests depend on the clock.
 */
function write(path: string, content: string): void {
  edit(path, content);
  const aMinuteAgo = new Date(Date.now() - 60_000);
  utimesSync(join(root, path), aMinuteAgo, aMinuteAgo);
}

/** Changes a file now, after the last build. */
function edit(path: string, content: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

function run(program: string): string {
  return execFileSync(process.execPath, [join(root, program)], { encoding: 'utf8' }).trim();
}

/** A repository in miniature: a server with a lazily imported module and a worker that share code. */
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'koers-bundle-'));
  write('tsconfig.base.json', '{ "compilerOptions": { "strict": true } }');
  write('node_modules/.package-lock.json', '{}');
  write('apps/server/src/greeting.ts', "export const greeting = (name: string): string => `hallo ${name}`;\n");
  write('apps/server/src/later.ts', "export const later = 'later';\n");
  write('apps/server/src/main.ts', "import { greeting } from './greeting';\nconst { later } = await import('./later');\nconsole.log(greeting('server'), later);\n");
  write('apps/server/src/jobs/compute.worker.ts', "import { greeting } from '../greeting';\nconsole.log(greeting('worker'));\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('buildNodeBundle', () => {
  it('builds the server and each worker as a program of its own beside it', async () => {
    const { outputs } = await buildNodeBundle(root, 'server');
    expect(outputs.sort()).toEqual(['dist/apps/server/compute.worker.mjs', 'dist/apps/server/main.mjs']);
    // Everything in one folder: import.meta.dirname is the same in every file of the program.
    const files = readdirSync(join(root, 'dist/apps/server'), { withFileTypes: true });
    expect(files.filter((file) => !file.isFile())).toEqual([]);
    expect(run('dist/apps/server/main.mjs')).toBe('hallo server later');
    expect(run('dist/apps/server/compute.worker.mjs')).toBe('hallo worker');
  });

  it('is current until a source it read changes, or a worker comes or goes', async () => {
    expect(bundleStaleReason(root, 'server')).toBe('not built yet');
    await buildNodeBundle(root, 'server');
    expect(bundleStaleReason(root, 'server')).toBeNull();

    write('apps/server/src/report.worker.ts', "console.log('report');\n");
    expect(bundleStaleReason(root, 'server')).toBe('its entry points changed');
    await buildNodeBundle(root, 'server');
    expect(bundleStaleReason(root, 'server')).toBeNull();

    edit('apps/server/src/later.ts', "export const later = 'changed';\n");
    expect(bundleStaleReason(root, 'server')).toBe('apps/server/src/later.ts changed');
  });

  it('removes the files a new build no longer writes only when asked to', async () => {
    await buildNodeBundle(root, 'server');
    const chunks = () => readdirSync(join(root, 'dist/apps/server')).filter((file) => file.endsWith('.mjs'));
    const first = chunks();
    edit('apps/server/src/greeting.ts', "export const greeting = (name: string): string => `dag ${name}`;\n");
    await buildNodeBundle(root, 'server');
    expect(chunks().length).toBeGreaterThan(first.length);
    await buildNodeBundle(root, 'server', { isPruning: true });
    expect(chunks().length).toBe(first.length);
    expect(run('dist/apps/server/compute.worker.mjs')).toBe('dag worker');
  });

  it('says which file did not compile, and writes nothing', async () => {
    write('apps/server/src/later.ts', 'export const later = ;\n');
    await expect(buildNodeBundle(root, 'server')).rejects.toThrow(/apps\/server\/src\/later\.ts:1/);
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });
});

describe('workerEntryPoints', () => {
  it('refuses two workers with one file name: their outputs would collide', () => {
    write('apps/server/src/other/compute.worker.ts', '');
    expect(() => workerEntryPoints(root, 'apps/server/src')).toThrow(/Two workers would both become compute\.worker\.mjs/);
  });
});
