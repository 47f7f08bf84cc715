import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, copyFile, mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, extname, join, posix } from 'node:path';
import type { SourceFormat } from '@koers/domain';

/** The folder, below a municipality's versions folder, where uploads wait until they are kept or thrown away. */
export const uploadsFolder = '.uploads';

/**
 * The installation's folder of kept source versions, outside the workspaces:
 *
 * ```
 * <root>/<municipality>/.uploads/<uuid>.<ext>     an upload waiting for its preview and confirmation
 * <root>/<municipality>/<source>/<sha256>.<ext>   a kept version: read-only, never changed or removed
 * ```
 *
 * Koers chooses every name; nothing a client sends becomes part of a path.
 * A kept file is named by its content, so keeping the same bytes twice keeps
 * one file. Files reach a workspace by copy to a temp file in the same folder
 * and a rename, so a reader (the engine, a crash) sees the old file or the
 * new one, never part of either.
 */
export class VersionStore {
  constructor(private readonly root: string) {}

  /** The municipality's versions folder: the root the preview may read below. */
  folderOf(municipalityId: string): string {
    return join(this.root, municipalityId);
  }

  /** A fresh path for an upload to stream into (its folder created), and its name relative to the municipality's folder. */
  async newUploadPath(municipalityId: string): Promise<{ readonly path: string; readonly relative: string }> {
    const folder = join(this.folderOf(municipalityId), uploadsFolder);
    await mkdir(folder, { recursive: true });
    const relative = posix.join(uploadsFolder, `${randomUUID()}.part`);
    return { path: join(this.folderOf(municipalityId), relative), relative };
  }

  /** Gives a received upload the extension of its format (DuckDB reads by extension where no format is given); returns its new relative name. */
  async nameUpload(municipalityId: string, relative: string, format: SourceFormat): Promise<string> {
    const named = relative.replace(/\.part$/, `.${format}`);
    await rename(this.pathOf(municipalityId, relative), this.pathOf(municipalityId, named));
    return named;
  }

  /** The absolute path of a file relative to the municipality's folder. */
  pathOf(municipalityId: string, relative: string): string {
    return join(this.folderOf(municipalityId), relative);
  }

  /** Removes a waiting upload; a missing one is fine. */
  async removeUpload(municipalityId: string, relative: string | null): Promise<void> {
    if (relative !== null && relative.startsWith(`${uploadsFolder}/`)) await rm(this.pathOf(municipalityId, relative), { force: true });
  }

  /** Removes every waiting upload of every municipality except those named (a stopped server's leftovers). */
  async removeUploadsExcept(keep: ReadonlySet<string>): Promise<number> {
    let removed = 0;
    const municipalities = await readdir(this.root).catch(() => []);
    for (const municipalityId of municipalities) {
      const folder = join(this.root, municipalityId, uploadsFolder);
      for (const name of await readdir(folder).catch(() => [])) {
        if (keep.has(`${municipalityId}/${uploadsFolder}/${name}`)) continue;
        await rm(join(folder, name), { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  /**
   * Keeps a waiting upload as the source's version: it moves (a rename in the
   * same folder tree) to `<source>/<sha256>.<ext>`, read-only. When those bytes
   * are kept already, the upload is removed instead. Returns the kept file's relative name.
   */
  async keepUpload(municipalityId: string, sourceId: string, upload: string, sha256: string, extension: string): Promise<string> {
    const kept = posix.join(sourceId, `${sha256}.${extension}`);
    const target = this.pathOf(municipalityId, kept);
    await mkdir(dirname(target), { recursive: true });
    if (await exists(target)) {
      await rm(this.pathOf(municipalityId, upload), { force: true });
    } else {
      await syncFile(this.pathOf(municipalityId, upload));
      await rename(this.pathOf(municipalityId, upload), target);
      await chmod(target, 0o444);
      await syncFolder(dirname(target));
    }
    return kept;
  }

  /** The name {@link keepWorkspaceFile} keeps the bytes with sha256 `sha256` of `file` under. */
  keptNameOf(sourceId: string, sha256: string, file: string): string {
    return posix.join(sourceId, `${sha256}.${extname(file).slice(1).toLowerCase() || 'data'}`);
  }

  /** Whether a kept file (relative name) is there. */
  async isKept(municipalityId: string, kept: string): Promise<boolean> {
    return exists(this.pathOf(municipalityId, kept));
  }

  /**
   * Keeps a copy of a workspace file as a version (the file as it was before
   * Koers first changed it), unless those bytes are kept already. Returns the
   * kept file's relative name, its sha256 and size.
   */
  async keepWorkspaceFile(municipalityId: string, sourceId: string, file: string): Promise<{ readonly kept: string; readonly sha256: string; readonly sizeBytes: number; readonly isNew: boolean }> {
    const sha256 = await hashOf(file);
    const { size } = await stat(file);
    const kept = this.keptNameOf(sourceId, sha256, file);
    const target = this.pathOf(municipalityId, kept);
    if (await exists(target)) return { kept, sha256, sizeBytes: size, isNew: false };
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.tmp`;
    await copyFile(file, temporary);
    await syncFile(temporary);
    await rename(temporary, target);
    await chmod(target, 0o444);
    return { kept, sha256, sizeBytes: size, isNew: true };
  }

  /** Writes a definition file into a workspace atomically (see {@link writeWorkspaceText}). */
  writeWorkspaceText(target: string, text: string): Promise<void> {
    return writeWorkspaceText(target, text);
  }

  /**
   * Puts a kept version in place as `target` (an absolute path in a
   * workspace), atomically: copied to a temp file beside it, flushed to disk,
   * renamed over the target, and the folder flushed. Readers see the whole
   * old file or the whole new one; a crash leaves at most a temp file.
   */
  placeInWorkspace(municipalityId: string, kept: string, target: string): Promise<void> {
    return replaceAtomically(target, async (temporary) => {
      await copyFile(this.pathOf(municipalityId, kept), temporary);
      await chmod(temporary, 0o644);
    });
  }
}

/**
 * Writes a definition file into a workspace atomically: a temp file beside
 * it, flushed, renamed over the target; the folder flushed.
 */
export function writeWorkspaceText(target: string, text: string): Promise<void> {
  return replaceAtomically(target, (temporary) => writeFile(temporary, text, { encoding: 'utf8', flag: 'wx', mode: 0o644 }));
}

/**
 * Replaces `target` with the file `fill` writes to a temp path beside it:
 * flushed, renamed over the target, the folder flushed. A failure removes
 * the temp file and leaves the target as it was.
 */
async function replaceAtomically(target: string, fill: (temporary: string) => Promise<void>): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temporary = join(dirname(target), `.koers-${randomUUID()}.tmp`);
  try {
    await fill(temporary);
    await syncFile(temporary);
    await rename(temporary, target);
    await syncFolder(dirname(target));
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** sha256 (hex) of a file's bytes, read 4 MiB at a time. */
export async function hashOf(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 4 * 1024 ** 2 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a folder's entries (a rename) to disk, where the platform allows it. */
async function syncFolder(path: string): Promise<void> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (handle === undefined) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}
