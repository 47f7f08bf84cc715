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
  const parts: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    entries.sort((left, right) => (left.name < right.name ? -1 : 1));
    for (const entry of entries) {
      if (parts.length >= maxFiles) return;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        const info = await stat(path).catch(() => undefined);
        if (info !== undefined) parts.push(`${path}\u0000${info.size}\u0000${info.mtimeMs}`);
      }
    }
  };
  await walk(root);
  return parts.join('\n');
}

/**
 * Polls each workspace's fingerprint every `intervalMs` and calls `onChange`
 * with the municipality whose files changed (a source, a definition, a
 * program). Returns a function that stops it.
 */
export function watchWorkspaces(
  workspaces: () => Promise<readonly { readonly id: string; readonly workspaceRoot: string }[]>,
  intervalMs: number,
  onChange: (municipalityId: string) => void,
): () => void {
  const known = new Map<string, string>();
  let isStopped = false;
  let timer: NodeJS.Timeout | undefined;
  const poll = async (): Promise<void> => {
    for (const workspace of await workspaces().catch(() => [])) {
      const fingerprint = await fingerprintOf(workspace.workspaceRoot);
      const previous = known.get(workspace.id);
      known.set(workspace.id, fingerprint);
      if (previous !== undefined && previous !== fingerprint && !isStopped) onChange(workspace.id);
    }
    if (!isStopped) timer = setTimeout(() => void poll(), intervalMs).unref();
  };
  void poll();
  return () => {
    isStopped = true;
    clearTimeout(timer);
  };
}
