// Whether a build under dist/ is current, cheaply: every build writes a stamp
// beside its output with the time it started and the files it read, and a
// build is stale when one of those files changed after that time (or is gone).
// Checking is a few hundred stat calls, so `koers` and `npm start` can afford
// it on every run. Plain JavaScript: it runs before anything is built.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Files every build depends on besides its sources: the compiler settings and the installed packages. */
export const sharedInputs = ['tsconfig.base.json', 'node_modules/.package-lock.json'];

/**
 * Why the build whose stamp is `stampFile` is out of date, in a few words, or
 * `null` when it is current. Paths in the stamp are relative to `root`.
 *
 * @param {string} root the repository root
 * @param {string} stampFile absolute path of the stamp
 * @returns {string | null}
 */
export function staleReason(root, stampFile) {
  const stamp = readStamp(stampFile);
  if (stamp === null) return 'not built yet';
  for (const output of stamp.outputs) {
    if (!existsSync(join(root, output))) return `${output} is missing`;
  }
  for (const input of stamp.inputs) {
    const stats = statSync(join(root, input), { throwIfNoEntry: false });
    if (stats === undefined) return `${input} is gone`;
    if (stats.mtimeMs > stamp.startedAtMs) return `${input} changed`;
  }
  return null;
}

/**
 * The stamp in `stampFile`, or `null` when there is none or it cannot be read.
 *
 * @param {string} stampFile
 * @returns {{ startedAtMs: number, inputs: string[], outputs: string[], entryPoints: string[] } | null}
 */
export function readStamp(stampFile) {
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    const isList = (/** @type {unknown} */ value) => Array.isArray(value) && value.every((item) => typeof item === 'string');
    if (typeof stamp.startedAtMs !== 'number' || !isList(stamp.inputs) || !isList(stamp.outputs)) return null;
    return { entryPoints: [], ...stamp };
  } catch {
    return null;
  }
}

/**
 * Writes the stamp of a finished build, atomically (a reader sees the old
 * stamp or the new one, never half of one).
 *
 * @param {string} stampFile
 * @param {{ startedAtMs: number, inputs: string[], outputs: string[], entryPoints?: string[] }} stamp
 */
export function writeStamp(stampFile, stamp) {
  writeFileAtomically(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
}

/**
 * Writes `content` to `file` through a temporary file and a rename, so that
 * processes building the same file at once never expose a partial one.
 *
 * @param {string} file
 * @param {string | Uint8Array} content
 */
export function writeFileAtomically(file, content) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}
