import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** At most this many files count towards a fingerprint: a workspace is a few hundred definition and data files. */
const maxFiles = 20_000;

/**
 * A cheap fingerprint of a workspace folder: every file's path, size and
 * modification time. Polling it finds changes on every file system (network
 * shares included), which `fs.watch` does not.
 */
export async function fingerprintOf(root: string): Promise<string> {
  return [...(await fileFingerprints(root)).entries()].map(([path, signature]) => `${path}\u0000${signature}`).join('\n');
}

/** Every file of the workspace by its path relative to the root (`/`), with its size and modification time. */
async function fileFingerprints(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (folder: string, relativeFolder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    entries.sort((left, right) => (left.name < right.name ? -1 : 1));
    for (const entry of entries) {
      if (files.size >= maxFiles) return;
      const path = join(folder, entry.name);
      const relativePath = relativeFolder === '' ? entry.name : `${relativeFolder}/${entry.name}`;
      if (entry.isDirectory()) await walk(path, relativePath);
      else if (entry.isFile()) {
        const info = await stat(path).catch(() => undefined);
        if (info !== undefined) files.set(relativePath, `${info.size}\u0000${info.mtimeMs}`);
      }
    }
  };
  await walk(root, '');
  return files;
}

const indicatorFile = /^indicators\/([^/]+)\.yaml$/;

/**
 * What a change of files asks to compute: only the indicators whose own
 * definition files changed (added, edited, removed), when nothing else did;
 * null (everything) when a source, a data file, a program or `koers.yaml` changed.
 */
export function changedIndicators(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] | null {
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((path) => before.get(path) !== after.get(path));
  const ids = changed.map((path) => indicatorFile.exec(path)?.[1]);
  return ids.every((id): id is string => id !== undefined) ? ids.sort() : null;
}

/**
 * Polls each workspace's files every `intervalMs` and calls `onChange` with
 * the municipality whose files changed (a source, a definition, a program),
 * and with the indicator ids when only indicator definition files changed
 * (so only those are computed), else null. Returns a function that stops it.
 */
export function watchWorkspaces(
  workspaces: () => Promise<readonly { readonly id: string; readonly workspaceRoot: string }[]>,
  intervalMs: number,
  onChange: (municipalityId: string, indicatorIds: readonly string[] | null) => void,
): () => void {
  const known = new Map<string, Map<string, string>>();
  let isStopped = false;
  let timer: NodeJS.Timeout | undefined;
  const poll = async (): Promise<void> => {
    for (const workspace of await workspaces().catch(() => [])) {
      const files = await fileFingerprints(workspace.workspaceRoot);
      const previous = known.get(workspace.id);
      known.set(workspace.id, files);
      if (previous === undefined || isStopped) continue;
      const indicatorIds = changedIndicators(previous, files);
      if (indicatorIds === null || indicatorIds.length > 0) onChange(workspace.id, indicatorIds);
    }
    if (!isStopped) timer = setTimeout(() => void poll(), intervalMs).unref();
  };
  void poll();
  return () => {
    isStopped = true;
    clearTimeout(timer);
  };
}
