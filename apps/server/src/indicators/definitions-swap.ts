import { randomUUID } from 'node:crypto';
import { lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type WorkspaceFile, writeFileAtomically } from '@koers/workspace';

/** What a workspace's definitions are: the settings file and the three folders, each replaced whole by an import. */
const definitionEntries = ['koers.yaml', 'sources', 'indicators', 'programs'] as const;
const journalName = '.koers-import.json';
const journalNames = /^\.koers-(import|backup)-[0-9a-f-]{36}$/;

interface Journal {
  /** Folder names inside the workspace (dot-named, so the loader never reads them). */
  readonly staging: string;
  readonly backup: string;
  /** The definition entries in the staging folder: each replaces the live one; a live entry not listed is removed. */
  readonly entries: readonly string[];
}

/**
 * Replaces a workspace's definitions (`koers.yaml`, `sources/`, `indicators/`,
 * `programs/`) with `files`, all or nothing; `data/` and anything else stay.
 *
 * The new definitions are written whole into a staging folder inside the
 * workspace first. Then a journal file is written atomically: from that
 * moment the import counts as done, and {@link finishInterruptedImport}
 * completes it (each entry moved aside into a backup folder, the staged one
 * moved in, by rename) whenever it is called, after a crash too. Before the
 * journal, a failure leaves the workspace as it was. The caller holds the
 * municipality's computing slot, so no computation reads the folders while
 * they are swapped.
 */
export async function replaceDefinitions(root: string, files: readonly WorkspaceFile[]): Promise<void> {
  await finishInterruptedImport(root);
  const id = randomUUID();
  const hasSettings = files.some((file) => file.path === 'koers.yaml');
  const journal: Journal = {
    staging: `.koers-import-${id}`,
    backup: `.koers-backup-${id}`,
    entries: definitionEntries.filter((entry) => entry !== 'koers.yaml' || hasSettings),
  };
  const staging = join(root, journal.staging);
  try {
    for (const folder of ['sources', 'indicators', 'programs']) await mkdir(join(staging, folder), { recursive: true });
    for (const file of files) {
      const path = join(staging, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.text, 'utf8');
    }
    await mkdir(join(root, journal.backup));
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    await rm(join(root, journal.backup), { recursive: true, force: true });
    throw error;
  }
  await writeFileAtomically(join(root, journalName), JSON.stringify(journal));
  await finishInterruptedImport(root);
}

/**
 * Completes an import whose journal is there (one that stopped half-way, or
 * the one just committed): every definition entry is moved aside and the
 * staged one moved in, skipping what is done already, so it can be run again
 * at any point. Then the journal, the backup and the staging folder go.
 * Without a journal it does nothing (one stat). Called before every change
 * of a workspace's definitions.
 */
export async function finishInterruptedImport(root: string): Promise<void> {
  const text = await readFile(join(root, journalName), 'utf8').catch(() => null);
  if (text === null) return;
  const journal = JSON.parse(text) as Journal;
  // Only names this module writes: a journal put there by hand cannot point outside the workspace.
  if (!journalNames.test(journal.staging) || !journalNames.test(journal.backup)) throw new Error(`${journalName} in ${root} is not one Koers wrote: remove it`);
  const staging = join(root, journal.staging);
  const backup = join(root, journal.backup);
  await mkdir(backup, { recursive: true });
  for (const entry of definitionEntries) {
    const staged = join(staging, entry);
    const live = join(root, entry);
    const aside = join(backup, entry);
    if (journal.entries.includes(entry)) {
      // Staged no more: moved in already.
      if (!(await exists(staged))) continue;
      if ((await exists(live)) && !(await exists(aside))) await rename(live, aside);
      await rename(staged, live);
    } else if ((await exists(live)) && !(await exists(aside))) {
      await rename(live, aside);
    }
  }
  await rm(join(root, journalName), { force: true });
  await rm(staging, { recursive: true, force: true });
  await rm(backup, { recursive: true, force: true });
}

/** Whether anything is there, a link included (not followed). */
async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}
