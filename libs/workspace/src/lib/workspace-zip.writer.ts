import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import yazl from 'yazl';
import { definitionFolders } from './definition-file';
import { readWorkspaceFolder } from './workspace.loader';
import type { ReadOptions, WorkspaceFile } from './workspace.parser';

/** What goes into a workspace zip. */
export interface WorkspaceZipOptions {
  /** The folder the zip unpacks into (`uithoorn`): `koers check uithoorn` then checks it. */
  readonly folderName: string;
  /** Also the files under `data/` (regular files only; links are left out). */
  readonly includeData: boolean;
  readonly read?: ReadOptions;
}

/** A workspace zip being written: the stream of its bytes, and the definition files it holds. */
export interface WorkspaceZipStream {
  readonly stream: Readable;
  readonly files: readonly WorkspaceFile[];
  /** Data files added, relative to the workspace. */
  readonly dataFiles: readonly string[];
}

/**
 * Writes a workspace folder as a zip: `koers.yaml`, `sources/`, `indicators/`
 * and `programs/` exactly as the loader reads them (regular files inside the
 * folder, within its limits), and with `includeData` the regular files under
 * `data/`, streamed from disk so a large data file is never held in memory.
 * Unpacked, it is a folder that `koers check` accepts as the original.
 */
export async function writeWorkspaceZip(root: string, options: WorkspaceZipOptions): Promise<WorkspaceZipStream> {
  const read = await readWorkspaceFolder(root, options.read ?? {});
  const files = 'failed' in read ? [] : read.files;
  const dataFiles = options.includeData ? await listDataFiles(root) : [];
  const zip = new yazl.ZipFile();
  const mtime = new Date();
  const folder = `${options.folderName}/`;
  zip.addEmptyDirectory(folder, { mtime });
  for (const name of definitionFolders) zip.addEmptyDirectory(`${folder}${name}/`, { mtime });
  for (const file of files) zip.addBuffer(Buffer.from(file.text, 'utf8'), `${folder}${file.path}`, { mtime, mode: 0o100644 });
  for (const path of dataFiles) {
    zip.addReadStreamLazy(`${folder}${path}`, { mtime, mode: 0o100644 }, (callback) => callback(null, createReadStream(join(root, path))));
  }
  zip.end();
  return { stream: zip.outputStream as Readable, files, dataFiles };
}

/** The regular files under `data/`, relative to the workspace, sorted; links (to files or folders) are not followed. */
async function listDataFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relativeFolder: string): Promise<void> => {
    const entries = await readdir(join(root, relativeFolder), { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((left, right) => (left.name < right.name ? -1 : 1))) {
      const path = `${relativeFolder}/${entry.name}`;
      const info = await lstat(join(root, path)).catch(() => undefined);
      if (info?.isDirectory()) await walk(path);
      else if (info?.isFile()) found.push(path);
    }
  };
  const data = await lstat(join(root, 'data')).catch(() => undefined);
  if (data?.isDirectory()) await walk('data');
  return found;
}
