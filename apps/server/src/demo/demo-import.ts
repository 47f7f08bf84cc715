import { access, cp, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { formatProblem, identifierPattern, type Municipality } from '@koers/domain';
import { type AppDatabase, findUserByEmail, hasAuditBy, importWorkspace, listAudit, recordAudit, saveProgressUpdates, saveUsers } from '@koers/persistence';
import { loadWorkspace } from '@koers/workspace';
import { demoProgressFor } from './demo-progress';
import { hashPassword } from '../auth/password';
import { demoPassword, demoUsersFor } from './demo-users';

/** Where the demo import reports what it did and what it skipped. */
export interface DemoLog {
  info(line: string): void;
  warn(line: string): void;
}

/**
 * Fills an empty database with every workspace folder under `demoDirectory`
 * (the folder name is the municipality id), each copied first into
 * `workspacesDirectory` (unless a copy is there already) and served from that copy, and the team leads' progress of
 * the last two quarters. A problem in a workspace is printed as
 * `path:line: message` and only that item is left out; a workspace that
 * cannot be stored at all is skipped. Never throws for bad demo data.
 */
export async function importDemoWorkspaces(
  db: AppDatabase,
  demoDirectory: string,
  workspacesDirectory: string,
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
    // The installation works on a copy, so what is changed through Koers never touches the demo files in the repository.
    const directory = join(workspacesDirectory, folder);
    if (!(await exists(directory))) await cp(join(demoDirectory, folder), directory, { recursive: true });
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
      await saveProgressUpdates(db, demoProgressFor(folder, workspace.programs, new Date(), 'teamlead@demo.koers.nl'));
      imported.push({ id: folder, name: workspace.municipality });
      log.info(
        `${workspace.municipality}: ${summary.programs} programma's, ${summary.effects} effecten, ` +
          `${summary.tasks} opgaven, ${summary.actions} acties, ${summary.indicators} indicatoren ingelezen.`,
      );
    } catch (error) {
      log.warn(`${shown}: overgeslagen: ${(error as Error).message}`);
    }
  }
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

/**
 * Makes sure the demo users exist (demo mode only), with their grants in every
 * municipality stored: added when missing, their grants brought up to date
 * when present. Passwords already set stay.
 */
export async function ensureDemoUsers(db: AppDatabase, municipalities: readonly Municipality[]): Promise<void> {
  const hash = await hashPassword(demoPassword);
  const users = demoUsersFor(municipalities, hash);
  const known = await Promise.all(users.map((user) => findUserByEmail(db, user.email)));
  await saveUsers(
    db,
    users.map((user, index) => {
      const existing = known[index]?.user;
      return existing === undefined ? user : { id: existing.id, name: existing.name, email: existing.email, grants: user.grants };
    }),
  );
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
