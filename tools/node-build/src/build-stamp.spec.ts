import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readStamp, staleReason, writeStamp } from './build-stamp.mjs';

let root: string;
const stampFile = () => join(root, 'dist/out/build-stamp.json');

function write(path: string, content = 'x', modifiedAtMs?: number): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
  if (modifiedAtMs !== undefined) utimesSync(join(root, path), modifiedAtMs / 1000, modifiedAtMs / 1000);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'koers-stamp-'));
  const before = Date.now() - 60_000;
  write('src/a.ts', 'a', before);
  write('src/b.ts', 'b', before);
  write('dist/out/main.mjs', 'built');
  writeStamp(stampFile(), { startedAtMs: before + 1000, inputs: ['src/a.ts', 'src/b.ts'], outputs: ['dist/out/main.mjs'] });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('staleReason', () => {
  it('is null while no input changed since the build started', () => {
    expect(staleReason(root, stampFile())).toBeNull();
  });

  it('names the input that changed after the build started, or is gone', () => {
    write('src/b.ts', 'b2');
    expect(staleReason(root, stampFile())).toBe('src/b.ts changed');
    rmSync(join(root, 'src/a.ts'));
    expect(staleReason(root, stampFile())).toBe('src/a.ts is gone');
  });

  it('says when there is no build, or its output is missing', () => {
    rmSync(join(root, 'dist/out/main.mjs'));
    expect(staleReason(root, stampFile())).toBe('dist/out/main.mjs is missing');
    rmSync(stampFile());
    expect(staleReason(root, stampFile())).toBe('not built yet');
  });

  it('takes a stamp it cannot read for no build at all', () => {
    write('dist/out/build-stamp.json', '{ "startedAtMs": "yesterday" }');
    expect(readStamp(stampFile())).toBeNull();
    expect(staleReason(root, stampFile())).toBe('not built yet');
  });
});
