import { escapeControlCharacters, type WorkspaceProblem } from '@koers/domain';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { placeOf } from './definition-file';
import { defaultWorkspaceLimits, fileTooLargeMessage, formatBytes, type WorkspaceLimits } from './workspace-limits';
import type { WorkspaceFile } from './workspace.parser';

/** How much a workspace zip may ask: on top of the workspace's own limits per definition file. */
export interface WorkspaceZipLimits extends WorkspaceLimits {
  /** Entries in the zip's directory, folders and skipped files included. */
  readonly maxEntries: number;
  /** Bytes of all definition files together, unpacked. */
  readonly maxTotalBytes: number;
}

/** 2 000 entries, 32 MiB of definitions unpacked, 1 MiB per definition file (the loader's limits). */
export const defaultWorkspaceZipLimits: WorkspaceZipLimits = {
  ...defaultWorkspaceLimits,
  maxEntries: 2_000,
  maxTotalBytes: 32 * 1024 * 1024,
};

/** A workspace read from a zip: its definition files, the entries not read, and what was refused. */
export interface WorkspaceZip {
  /** `koers.yaml`, `sources/*.yaml`, `indicators/*.yaml`, `programs/*.yaml`, relative to the workspace folder. */
  readonly files: readonly WorkspaceFile[];
  /** Entries that are not definitions (data files, notes), by path: never unpacked. */
  readonly skipped: readonly string[];
  /** Every refused entry (or the zip as a whole), in Dutch, with the entry's path as the file. */
  readonly problems: readonly WorkspaceProblem[];
}

const unixHosts = new Set([3, 19]); // Unix, and OS X: their external attributes carry the file mode
const fileTypeMask = 0o170000;
const regularFile = 0o100000;
const folderType = 0o040000;
const linkType = 0o120000;

/**
 * Reads the definitions of a workspace from a zip, treating it as hostile:
 * nothing is written anywhere, and no entry is unpacked before it passed
 * every check. Refused, each named by its entry: a path that is absolute,
 * has a drive letter, a backslash, `..`, `.` or an empty part (no path can
 * leave the folder); a link, or any entry that is not a plain file or
 * folder; an encrypted entry; a name written twice; a definition file over
 * the loader's 1 MiB or not UTF-8; and for the zip as a whole, more than
 * `maxEntries` entries (counted from its directory before any is read) or
 * more than `maxTotalBytes` of definitions (counted from the declared sizes
 * before unpacking, and the unpacked bytes must match them: yauzl checks).
 *
 * The workspace may sit at the zip's top or in one folder (`uithoorn/...`,
 * as an export writes it). Entries outside the definitions (`data/`, a
 * README) are listed as skipped, never unpacked.
 */
export async function readWorkspaceZip(zip: Uint8Array, limits: Partial<WorkspaceZipLimits> = {}): Promise<WorkspaceZip> {
  const bounds = { ...defaultWorkspaceZipLimits, ...limits };
  let zipFile: ZipFile;
  try {
    zipFile = await yauzl.fromBufferPromise(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength), {
      lazyEntries: true,
      decodeStrings: false,
      validateEntrySizes: true,
      autoClose: false,
    });
  } catch (error) {
    return refusedWhole(`het bestand is geen zip-bestand dat te lezen is (${messageOf(error)}): exporteer de werkruimte opnieuw`);
  }
  try {
    if (zipFile.entryCount > bounds.maxEntries) {
      return refusedWhole(`de zip heeft ${zipFile.entryCount} onderdelen, en een werkruimte mag er hoogstens ${bounds.maxEntries} hebben: laat de gegevensbestanden weg of splits de zip`);
    }
    const entries = await listEntries(zipFile);
    return await readEntries(zipFile, entries, bounds);
  } catch (error) {
    return refusedWhole(`de zip is beschadigd (${messageOf(error)}): exporteer de werkruimte opnieuw`);
  } finally {
    zipFile.close();
  }
}

interface NamedEntry {
  readonly entry: Entry;
  readonly name: string;
}

function listEntries(zipFile: ZipFile): Promise<NamedEntry[]> {
  return new Promise((resolve, reject) => {
    const entries: NamedEntry[] = [];
    zipFile.on('entry', (entry: Entry) => {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
      entries.push({ entry, name });
      zipFile.readEntry();
    });
    zipFile.once('end', () => resolve(entries));
    zipFile.once('error', reject);
    zipFile.readEntry();
  });
}

async function readEntries(zipFile: ZipFile, entries: readonly NamedEntry[], limits: WorkspaceZipLimits): Promise<WorkspaceZip> {
  const problems: WorkspaceProblem[] = [];
  const skipped: string[] = [];
  const prefix = commonFolder(entries.map(({ name }) => name));
  const seen = new Set<string>();
  const toRead: { readonly entry: Entry; readonly path: string }[] = [];

  for (const { entry, name } of entries) {
    const refusal = pathRefusal(name) ?? typeRefusal(entry);
    if (refusal !== null) {
      problems.push({ file: printable(name), message: refusal });
      continue;
    }
    if (seen.has(name)) {
      problems.push({ file: name, message: 'dit pad staat twee keer in de zip: een uitpakprogramma zou het ene door het andere vervangen; houd er één' });
      continue;
    }
    seen.add(name);
    if (name.endsWith('/')) continue; // a folder
    const path = name.slice(prefix.length);
    const place = placeOf(path);
    if (place.kind === 'ignored') {
      skipped.push(path);
      continue;
    }
    if (place.kind === 'misplaced') {
      problems.push(place.problem);
      continue;
    }
    if (entry.uncompressedSize > limits.maxFileBytes) {
      problems.push({ file: path, message: fileTooLargeMessage(entry.uncompressedSize, limits) });
      continue;
    }
    toRead.push({ entry, path });
  }

  const total = toRead.reduce((sum, { entry }) => sum + entry.uncompressedSize, 0);
  if (total > limits.maxTotalBytes) {
    problems.push({
      file: '.',
      message: `de definities in de zip zijn uitgepakt ${formatBytes(total)}, en mogen samen hoogstens ${formatBytes(limits.maxTotalBytes)} zijn: dit is geen werkruimte van Koers`,
    });
  }
  if (problems.length > 0) return { files: [], skipped, problems };

  const files: WorkspaceFile[] = [];
  for (const { entry, path } of toRead) {
    const bytes = await unpack(zipFile, entry, limits.maxFileBytes);
    try {
      files.push({ path, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) });
    } catch {
      problems.push({ file: path, message: 'het bestand is geen UTF-8-tekst: sla het op als UTF-8 YAML' });
    }
  }
  return { files, skipped, problems };
}

/** Why a name may not be unpacked; null when it stays inside the folder. */
function pathRefusal(name: string): string | null {
  if (name.length === 0) return 'een onderdeel zonder naam: maak de zip opnieuw';
  if (name.includes('\0')) return 'de naam bevat een nulteken: maak de zip opnieuw';
  if (name.includes('\\')) return 'de naam bevat een backslash (\\): gebruik "/" tussen mappen';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'een absoluut pad: alleen paden binnen de werkruimtemap zijn toegestaan';
  const parts = name.replace(/\/$/, '').split('/');
  if (parts.includes('..')) return 'het pad verlaat de map (".."): alleen paden binnen de werkruimtemap zijn toegestaan';
  if (parts.some((part) => part === '' || part === '.')) return 'het pad heeft een leeg deel of "." erin: maak de zip opnieuw';
  return null;
}

/** Why an entry is not a plain file or folder that can be unpacked; null when it is. */
function typeRefusal(entry: Entry): string | null {
  if ((entry.generalPurposeBitFlag & 0x1) !== 0) return 'het onderdeel is versleuteld: maak de zip zonder wachtwoord';
  if (unixHosts.has(entry.versionMadeBy >>> 8)) {
    const type = (entry.externalFileAttributes >>> 16) & fileTypeMask;
    if (type === linkType) return 'een koppeling (symbolische link) wordt niet uitgepakt: zet het bestand zelf in de zip';
    if (type !== 0 && type !== regularFile && type !== folderType) return 'geen gewoon bestand of gewone map: zet alleen bestanden in de zip';
  }
  if (!entry.canDecodeFileData()) return `het onderdeel is ingepakt op een manier die Koers niet kent (methode ${entry.compressionMethod}): maak de zip opnieuw met "deflate"`;
  return null;
}

/** The one folder every entry is in (`uithoorn/`), unless that folder is itself part of a workspace; else ''. */
function commonFolder(names: readonly string[]): string {
  const tops = new Set(names.map((name) => (name.includes('/') ? name.slice(0, name.indexOf('/') + 1) : '')));
  const [top] = [...tops];
  if (tops.size !== 1 || top === undefined || top === '') return '';
  return ['sources/', 'indicators/', 'programs/', 'data/'].includes(top) ? '' : top;
}

async function unpack(zipFile: ZipFile, entry: Entry, maxBytes: number): Promise<Buffer> {
  const stream = await zipFile.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    length += chunk.length;
    // yauzl stops an entry that unpacks past its declared size; this bounds it even so.
    if (length > maxBytes) {
      stream.destroy();
      throw new Error(`an entry unpacks past ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function refusedWhole(message: string): WorkspaceZip {
  return { files: [], skipped: [], problems: [{ file: '.', message }] };
}

/** A name as a message may show it: control characters escaped, at most 200 characters. */
function printable(name: string): string {
  const shown = escapeControlCharacters(name);
  return shown.length <= 200 ? shown : `${shown.slice(0, 200)}…`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
