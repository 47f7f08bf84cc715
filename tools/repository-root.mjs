// The repository root, computed in one place for the server, the scripts and
// the tools: the nearest folder at or above this module that holds `nx.json`.
// Walking up, rather than counting `..`, keeps it right from the sources and
// from a bundle under `dist/`, wherever esbuild puts the code.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The nearest folder at or above `start` that holds `nx.json`; throws when there is none.
 *
 * @param {string} start an absolute path
 * @returns {string}
 */
export function findRepositoryRoot(start) {
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'nx.json'))) return folder;
    if (dirname(folder) === folder) {
      throw new Error(`No nx.json in ${start} or above it: Koers runs from inside its repository.`);
    }
  }
}

/** The absolute path of the repository root, without a trailing separator. */
export const repositoryRoot = findRepositoryRoot(import.meta.dirname);
