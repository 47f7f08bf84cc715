import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { formatProblem, identifierPattern, type Municipality } from '@koers/domain';
import { type AppDatabase, hasAuditBy, importWorkspace, insertUsers, listAudit, recordAudit, saveProgressUpdates } from '@koers/persistence';
import { loadWorkspace } from '@koers/workspace';
import { demoProgressFor } from './demo-progress';
import { demoUsersFor } from './demo-users';

/** Where the demo import reports what it did and what it skipped. */
export interface DemoLog {
  info(line: string): void;
  warn(line: string): void;
}

/**
 * Fills an empty database with every workspace folder under `demoDirectory`
 * (the folder name is the municipality id), the team leads' progress of the
 * last two quarters, and one demo user per municipality and role. A problem in a workspace is printed as
 * `path:line: message` and only that item is left out; a workspace that
 * cannot be stored at all is skipped. Never throws for bad demo data.
 */
export async function importDemoWorkspaces(
  db: AppDatabase,
  demoDirectory: string,
  log: DemoLog,
  relativeTo: string,
): Promise<Municipality[]> {
  let folders: string[];
  try {
    const entries = await readdir(demoDirectory, { withFileTypes: true });
    folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  } catch (error) {
    log.warn(`Geen demogemeenten: ${demoDirectory} is niet te lezen (${(error as Error).message}).`);
    return [];
  }

  const imported: Municipality[] = [];
  for (const folder of folders) {
    const directory = join(demoDirectory, folder);
    const fromRoot = relative(relativeTo, directory);
    // Paths inside the repository print short (data/demo/uithoorn/...); others in full.
    const shown = fromRoot && !fromRoot.startsWith('..') ? fromRoot : directory;
    if (!identifierPattern.test(folder)) {
      log.warn(`${shown}: overgeslagen: de mapnaam is het id van de gemeente en moet beginnen met a-z en alleen a-z, 0-9, "_" en "-" bevatten.`);
      continue;
    }
    const { workspace, problems } = await loadWorkspace(directory);
    for (const problem of problems) log.warn(`${shown}/${formatProblem(problem)}`);
    try {
      const summary = await importWorkspace(db, folder, workspace, { actor: 'demo' });
      await saveProgressUpdates(db, demoProgressFor(folder, workspace.programs, new Date(), `team-lead@${folder}.koers.example`));
      imported.push({ id: folder, name: workspace.municipality });
      log.info(
        `${workspace.municipality}: ${summary.programs} programma's, ${summary.effects} effecten, ` +
          `${summary.tasks} opgaven, ${summary.actions} acties, ${summary.indicators} indicatoren ingelezen.`,
      );
    } catch (error) {
      log.warn(`${shown}: overgeslagen: ${(error as Error).message}`);
    }
  }
  await insertUsers(db, demoUsersFor(imported));
  await recordAudit(db, {
    actor: 'demo',
    municipalityId: null,
    entity: demoSeed.entity,
    entityId: demoSeed.entityId,
    action: 'completed',
    before: undefined,
    after: { municipalities: imported.map((municipality) => municipality.id) },
  });
  return imported;
}

/** The audit entry that marks the demo import as complete. */
const demoSeed = { entity: 'installation', entityId: 'demo-seed' } as const;

/**
 * Whether the demo import has to run: on an empty database, and again after a
 * first start that was stopped half-way (municipalities imported, the
 * completion mark not yet written). Each workspace import replaces that
 * municipality atomically, so running it again is safe.
 */
export async function needsDemoImport(db: AppDatabase, hasMunicipalities: boolean): Promise<boolean> {
  if (!hasMunicipalities) return true;
  const [seedEntries, hasDemoImports] = await Promise.all([
    listAudit(db, demoSeed.entity, demoSeed.entityId),
    hasAuditBy(db, 'demo'),
  ]);
  return seedEntries.length === 0 && hasDemoImports;
}
