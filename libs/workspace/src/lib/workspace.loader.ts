import type { WorkspaceProblem } from '@koers/domain';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { definitionFolders } from './definition-file';
import { sortProblems } from './problem-order';
import { parseWorkspace, type LoadedWorkspace, type WorkspaceFile } from './workspace.parser';

/**
 * Reads a workspace folder: `koers.yaml` and the files directly in `sources/`,
 * `indicators/` and `programs/` (never `data/`), then checks them with
 * {@link parseWorkspace}. A missing or unreadable folder or file is a problem,
 * not a throw, so `koers check` can print it like any other.
 *
 * @example
 * const { workspace, problems } = await loadWorkspace('data/demo/uithoorn');
 * for (const problem of problems) console.log(formatProblem(problem));
 */
export async function loadWorkspace(dir: string): Promise<LoadedWorkspace> {
  const root = resolve(dir);
  const problems: WorkspaceProblem[] = [];
  const files: WorkspaceFile[] = [];

  let rootEntries: string[];
  try {
    if (!(await stat(root)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    rootEntries = await readdir(root);
  } catch (error) {
    const loaded = parseWorkspace(root, []);
    return { ...loaded, problems: [{ file: '.', message: `cannot read the workspace folder ${root} (${reason(error)}): check the path` }] };
  }

  for (const name of ['koers.yaml', 'koers.yml']) {
    if (rootEntries.includes(name)) await readInto(root, name, files, problems);
  }
  for (const folder of definitionFolders) {
    if (!rootEntries.includes(folder)) continue;
    let entries;
    try {
      entries = await readdir(join(root, folder), { withFileTypes: true });
    } catch (error) {
      problems.push({ file: `${folder}/`, message: `cannot read the folder (${reason(error)}): check that it is a readable folder` });
      continue;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      // Subfolders are not read: only files directly in the folder are definitions.
      if (entry.isDirectory()) continue;
      await readInto(root, `${folder}/${entry.name}`, files, problems);
    }
  }
  if (!rootEntries.some((name) => name === 'koers.yaml' || (definitionFolders as readonly string[]).includes(name))) {
    problems.push({
      file: '.',
      message: `${root} has no koers.yaml and no sources/, indicators/ or programs/ folder: is this a Koers workspace? Point at the folder that holds them`,
    });
  }

  const loaded = parseWorkspace(root, files);
  return { workspace: loaded.workspace, problems: sortProblems([...problems, ...loaded.problems]) };
}

async function readInto(root: string, path: string, files: WorkspaceFile[], problems: WorkspaceProblem[]): Promise<void> {
  try {
    files.push({ path, text: await readFile(join(root, path), 'utf8') });
  } catch (error) {
    problems.push({ file: path, message: `cannot read the file (${reason(error)}): check that it exists and is readable` });
  }
}

function reason(error: unknown): string {
  if (error instanceof Error) return 'code' in error && typeof error.code === 'string' ? error.code : error.message;
  return String(error);
}
