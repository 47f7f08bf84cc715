import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a file's text all at once: the text goes to a temp file in the
 * same folder (so the rename stays on one file system), is flushed to disk,
 * and only then takes the file's place. A reader (the workspace watcher, a
 * computation, `koers check`) sees the old text or the new, never half of
 * one; a failure before the rename leaves the old file as it was.
 *
 * `beforeReplace` runs once the new text is safely on disk and before it
 * replaces the file (to record the change first); when it throws, the temp
 * file is removed and the file is left as it was.
 */
export async function writeFileAtomically(path: string, text: string, beforeReplace?: () => Promise<void>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await beforeReplace?.();
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
