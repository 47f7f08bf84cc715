import type { WorkspaceProblem } from '@koers/domain';
import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import { open, readlink, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { fileTooLargeMessage, type WorkspaceLimits } from './workspace-limits';

/** What reading one entry of the workspace gave: its text, a problem, or a folder (which is not read). */
export type EntryRead =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'problem'; readonly problem: WorkspaceProblem }
  | { readonly kind: 'folder'; readonly realPath: string };

// Never block on a FIFO swapped in after the checks, never take a terminal, never follow a link at the last step.
const openFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0) | (constants.O_NOFOLLOW ?? 0);

/**
 * Reads one definition file, or tells the folder it is, so that only regular
 * files inside the workspace are ever read. In order: the real path (links
 * followed) must lie inside `realRoot`; it must be a regular file (a FIFO, a
 * device or a socket is refused before it is opened, so nothing blocks and no
 * device is touched); it must fit `limits.maxFileBytes`; the file opened must
 * be the file checked (same device and inode, and on Linux the same real
 * path), so a link swapped in between is refused too; at most the limit plus
 * one byte is read, and the bytes must be UTF-8. Every refusal names the file
 * and never includes its contents.
 *
 * @param realRoot the workspace folder with every link resolved
 * @param absolutePath where the entry is, under `realRoot`
 * @param file the path as problems name it, relative to the workspace (`indicators/x.yaml`)
 */
export async function readWorkspaceEntry(realRoot: string, absolutePath: string, file: string, limits: WorkspaceLimits): Promise<EntryRead> {
  const refuse = (message: string): EntryRead => ({ kind: 'problem', problem: { file, message } });
  let realPath: string;
  let info: Stats;
  try {
    realPath = await realpath(absolutePath);
    if (!isInside(realRoot, realPath)) return refuse(outsideMessage);
    info = await stat(realPath);
  } catch (error) {
    return refuse(`cannot read the file (${reason(error)}): check that it exists and is readable`);
  }
  if (info.isDirectory()) return { kind: 'folder', realPath };
  if (!info.isFile()) return refuse(notRegularMessage(info, 'file'));
  if (info.size > limits.maxFileBytes) return refuse(fileTooLargeMessage(info.size, limits));

  let handle;
  try {
    handle = await open(realPath, openFlags);
  } catch (error) {
    return refuse(`cannot read the file (${reason(error)}): check that it exists and is readable`);
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile() || opened.dev !== info.dev || opened.ino !== info.ino) {
      return refuse('the file changed while it was being read (it was replaced, or is now a link): run the command again');
    }
    // Linux names the file behind a descriptor: proof of what was opened, whatever happened to the path.
    const openedPath = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => undefined);
    if (openedPath !== undefined && !isInside(realRoot, openedPath)) return refuse(outsideMessage);

    const buffer = Buffer.alloc(limits.maxFileBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limits.maxFileBytes) return refuse(fileTooLargeMessage(Math.max(length, opened.size), limits));
    try {
      return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length)) };
    } catch {
      return refuse('the file is not UTF-8 text (is it a spreadsheet or another binary file?): save it as UTF-8 YAML, or move it out of the folder');
    }
  } catch (error) {
    return refuse(`cannot read the file (${reason(error)}): check that it is readable`);
  } finally {
    await handle.close();
  }
}

/**
 * The real path of a definition folder (`sources`, `indicators`, `programs`)
 * when it is a folder inside the workspace (a link to a folder inside is
 * fine); otherwise the problem, named after the folder.
 */
export async function resolveDefinitionFolder(
  realRoot: string,
  absolutePath: string,
  folder: string,
): Promise<{ readonly realPath: string } | { readonly problem: WorkspaceProblem }> {
  const file = `${folder}/`;
  try {
    const realPath = await realpath(absolutePath);
    if (!isInside(realRoot, realPath)) {
      return { problem: { file, message: 'the folder is a link to a folder outside the workspace, and nothing outside the workspace is read: copy the definitions into the workspace instead of linking to them' } };
    }
    const info = await stat(realPath);
    if (!info.isDirectory()) return { problem: { file, message: notRegularMessage(info, 'folder') } };
    return { realPath };
  } catch (error) {
    return { problem: { file, message: `cannot read the folder (${reason(error)}): check that it is a readable folder` } };
  }
}

/** True when `path` is `root` or lies below it (both real paths). */
export function isInside(root: string, path: string): boolean {
  const below = relative(root, path);
  return below === '' || (!isAbsolute(below) && below !== '..' && !below.startsWith(`..${sep}`));
}

const outsideMessage =
  'the file is a link to a file outside the workspace, and nothing outside the workspace is read: copy the file into the workspace instead of linking to it';

function notRegularMessage(info: Stats, expected: 'file' | 'folder'): string {
  const kind = info.isFIFO()
    ? 'a named pipe (FIFO)'
    : info.isCharacterDevice()
      ? 'a character device'
      : info.isBlockDevice()
        ? 'a block device'
        : info.isSocket()
          ? 'a socket'
          : info.isDirectory()
            ? 'a folder'
            : info.isFile()
              ? 'a file'
              : 'not a file';
  return expected === 'file'
    ? `this is ${kind}, not a regular file, and only regular files are read as definitions: replace it with the YAML file itself`
    : `this is ${kind}, not a folder: make it a folder holding the .yaml files, or remove it`;
}

/** The error code (`ENOENT`, `EACCES`) where there is one: short, and never the file's contents. */
export function reason(error: unknown): string {
  if (error instanceof Error) return 'code' in error && typeof error.code === 'string' ? error.code : error.message;
  return String(error);
}
