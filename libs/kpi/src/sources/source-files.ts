import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Characters that make a source `path` a glob, as DuckDB reads it. */
const globCharacters = /[*?[{]/;

/** Whether a source path is a glob (`data/misdrijven-*.csv`). */
export function isGlob(path: string): boolean {
  return globCharacters.test(path);
}

/** Whether `candidate` (absolute, resolved) lies inside `root` (absolute, resolved). */
export function isInside(root: string, candidate: string): boolean {
  const fromRoot = relative(root, candidate);
  return fromRoot === '' || (!fromRoot.startsWith('..') && !isAbsolute(fromRoot) && fromRoot.split(sep)[0] !== '..');
}

/**
 * The absolute pattern of a source path, refused when it leaves the workspace:
 * the part before the first glob character must stay inside `root`, so neither
 * `../x.csv` nor `../*` nor `/etc/*` gets through.
 */
export function resolvePattern(root: string, path: string): string {
  if (isAbsolute(path) || path.startsWith('~')) {
    throw new Error(`"${path}" is an absolute path: use a path relative to the workspace (for example data/misdrijven.csv)`);
  }
  const absolute = resolve(root, path);
  const staticPart = absolute.split(globCharacters)[0] ?? absolute;
  if (!isInside(root, absolute) || !isInside(root, resolve(staticPart))) {
    throw new Error(`"${path}" points outside the workspace: only files inside it may be read`);
  }
  return absolute;
}

/**
 * Checks that each matched file, after following symlinks, is a regular file
 * inside the (real) workspace root; returns the real paths in the same order.
 */
export async function realFilesInside(realRoot: string, files: readonly string[]): Promise<string[]> {
  const real: string[] = [];
  for (const file of files) {
    const target = await realpath(file);
    if (!isInside(realRoot, target)) {
      throw new Error(`"${relative(realRoot, file)}" is a link to a file outside the workspace: copy the file into the workspace instead`);
    }
    if (!(await stat(target)).isFile()) {
      throw new Error(`"${relative(realRoot, file)}" is not a file`);
    }
    real.push(target);
  }
  return real;
}

/** Bytes per read while hashing: large reads cost a fraction of the default 64 KiB ones. */
const hashReadBytes = 4 * 1024 ** 2;

/** sha256 (hex) of the bytes of all files, in order, as one stream. */
export async function hashFiles(files: readonly string[], signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    for await (const chunk of createReadStream(file, { highWaterMark: hashReadBytes, ...(signal && { signal }) })) hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}
