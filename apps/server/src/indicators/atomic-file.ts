import { createHash, randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that a reader sees the old text or the new, never a part:
 * the text goes to a temp file in the same folder (so the rename stays on one
 * file system), is flushed to disk, and is renamed over the file. A failure
 * leaves the old file as it was and removes the temp file.
 */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  // A name starting with a dot: the workspace loader ignores it, should the process die before the rename.
  const temporary = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    const handle = await open(temporary, 'wx', 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The version of a definition file's text, as the form carries it: its sha256, hex. */
export function versionOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
