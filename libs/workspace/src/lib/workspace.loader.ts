import type { WorkspaceProblem } from '@koers/domain';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { definitionFolders, placeOf } from './definition-file';
import { sortProblems } from './problem-order';
import { readWorkspaceEntry, reason, resolveDefinitionFolder } from './workspace-file.reader';
import { defaultWorkspaceLimits, type WorkspaceLimits } from './workspace-limits';
import { parseWorkspace, type LoadedWorkspace, type ReadOptions, type WorkspaceFile } from './workspace.parser';

/**
 * Reads a workspace folder: `koers.yaml` and the files directly in `sources/`,
 * `indicators/` and `programs/` (never `data/`), then checks them with
 * {@link parseWorkspace}. Only regular files inside the workspace are read,
 * each within `options.limits` (1 MiB by default): a link that leads
 * outside, a FIFO, a device, a file too large or not UTF-8 is a problem that
 * names the file, and its contents are never read. A file whose name does
 * not belong (`indicators/x.csv`) is reported without being read. A missing
 * or unreadable folder or file is a problem, not a throw, so `koers check` can
 * print it like any other.
 *
 * @example
 * const { workspace, problems } = await loadWorkspace('data/demo/uithoorn');
 * for (const problem of problems) console.log(formatProblem(problem));
 */
export async function loadWorkspace(dir: string, options: ReadOptions = {}): Promise<LoadedWorkspace> {
  return loadWorkspaceWithChanges(dir, [], options);
}

/** One file of a workspace as it would be after a change: its new text, or null when it is removed. */
export interface WorkspaceChange {
  /** Relative to the workspace root, with `/` (for example `indicators/banen.yaml`). */
  readonly path: string;
  readonly text: string | null;
}

/**
 * Reads a workspace folder as {@link loadWorkspace} does, as it would be with
 * `changes` applied: each changed file's text replaces what is on disk (or
 * adds a file), a null text removes it. Nothing is written: this is how a
 * change made through the web is checked, exactly as the loader and
 * `koers check` will read it, before it is saved.
 *
 * @example
 * const { problems } = await loadWorkspaceWithChanges('var/workspaces/uithoorn', [
 *   { path: 'indicators/banen.yaml', text: 'title: Banen\n...' },
 * ]);
 */
export async function loadWorkspaceWithChanges(dir: string, changes: readonly WorkspaceChange[], options: ReadOptions = {}): Promise<LoadedWorkspace> {
  const read = await readWorkspaceFolder(dir, options);
  if ('failed' in read) return read.failed;
  const changed = new Set(changes.map((change) => change.path));
  const files = [
    ...read.files.filter((file) => !changed.has(file.path)),
    ...changes.flatMap((change) => (change.text === null ? [] : [{ path: change.path, text: change.text }])),
  ];
  // What reading a changed file from disk found no longer holds: its new text is checked instead.
  const problems = read.problems.filter((problem) => !changed.has(problem.file));
  const loaded = parseWorkspace(read.root, files, options);
  return { workspace: loaded.workspace, problems: sortProblems([...problems, ...loaded.problems]) };
}

/** The definition files of a workspace as read from disk, before they are parsed, and what kept others from being read. */
export interface ReadWorkspaceFiles {
  /** The workspace folder, resolved. */
  readonly root: string;
  readonly files: readonly WorkspaceFile[];
  readonly problems: readonly WorkspaceProblem[];
}

/**
 * The file-system half of {@link loadWorkspace}: reads `koers.yaml` and the
 * definition files under the same rules, without parsing them, so a caller
 * can check a changed file against the rest (`parseWorkspace` with one text
 * replaced) before it writes it. A folder that cannot be read gives no files
 * and that one problem.
 */
export async function readWorkspaceFiles(dir: string, options: ReadOptions = {}): Promise<ReadWorkspaceFiles> {
  const read = await readWorkspaceFolder(dir, options);
  if ('failed' in read) return { root: resolve(dir), files: [], problems: read.failed.problems };
  return read;
}

/**
 * The definition files of a workspace folder exactly as {@link loadWorkspace}
 * reads them (regular files inside the folder, within the limits), before
 * they are parsed, with the problems reading them found; or the loaded
 * (empty) workspace and its problem when the folder cannot be read. The
 * workspace zip is written from these.
 */
export async function readWorkspaceFolder(
  dir: string,
  options: ReadOptions = {},
): Promise<{ readonly root: string; readonly files: WorkspaceFile[]; readonly problems: WorkspaceProblem[] } | { readonly failed: LoadedWorkspace }> {
  const limits: WorkspaceLimits = { ...defaultWorkspaceLimits, ...options.limits };
  const root = resolve(dir);
  const problems: WorkspaceProblem[] = [];
  const files: WorkspaceFile[] = [];

  let rootEntries: string[];
  let realRoot: string;
  try {
    if (!(await stat(root)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    realRoot = await realpath(root);
    rootEntries = await readdir(realRoot);
  } catch (error) {
    const loaded = parseWorkspace(root, [], options);
    return { failed: { ...loaded, problems: [{ file: '.', message: `cannot read the workspace folder ${root} (${reason(error)}): check the path` }] } };
  }

  const readFile = async (absolutePath: string, path: string): Promise<void> => {
    const place = placeOf(path);
    if (place.kind === 'ignored') return;
    // A misplaced name is reported from the name alone: nothing that is not a definition is opened.
    if (place.kind === 'misplaced') {
      problems.push(place.problem);
      return;
    }
    const read = await readWorkspaceEntry(realRoot, absolutePath, path, limits);
    if (read.kind === 'text') files.push({ path, text: read.text });
    else if (read.kind === 'problem') problems.push(read.problem);
    else if (place.kind === 'settings') problems.push({ file: path, message: 'koers.yaml is a folder: make it a file with the settings (municipality), or remove it' });
  };

  for (const name of ['koers.yaml', 'koers.yml']) {
    if (rootEntries.includes(name)) await readFile(join(realRoot, name), name);
  }
  for (const folder of definitionFolders) {
    if (!rootEntries.includes(folder)) continue;
    const resolved = await resolveDefinitionFolder(realRoot, join(realRoot, folder), folder);
    if ('problem' in resolved) {
      problems.push(resolved.problem);
      continue;
    }
    let entries;
    try {
      entries = await readdir(resolved.realPath, { withFileTypes: true });
    } catch (error) {
      problems.push({ file: `${folder}/`, message: `cannot read the folder (${reason(error)}): check that it is a readable folder` });
      continue;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const absolutePath = join(resolved.realPath, entry.name);
      // Subfolders, and links to folders, are not read: only files directly in the folder are definitions.
      if (entry.isDirectory()) continue;
      if (entry.isSymbolicLink() && (await stat(absolutePath).catch(() => undefined))?.isDirectory()) continue;
      await readFile(absolutePath, `${folder}/${entry.name}`);
    }
  }
  if (!rootEntries.some((name) => name === 'koers.yaml' || (definitionFolders as readonly string[]).includes(name))) {
    problems.push({
      file: '.',
      message: `${root} has no koers.yaml and no sources/, indicators/ or programs/ folder: is this a Koers workspace? Point at the folder that holds them`,
    });
  }

  return { root, files, problems };
}
