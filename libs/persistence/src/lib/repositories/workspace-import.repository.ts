import { createHash } from 'node:crypto';
import { identifierPattern, type Workspace } from '@koers/domain';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../database';
import { recordAudit } from './audit-log.repository';
import { applyStructureDiff } from './structure-diff';
import { bumpDataVersion } from './data-version.repository';
import { saveMunicipality } from './municipality.repository';
import { findDuplicateIds } from './workspace-ids';

/** How many of each were stored. */
export interface ImportSummary {
  readonly programs: number;
  readonly effects: number;
  readonly tasks: number;
  readonly actions: number;
  readonly indicators: number;
}

/** Who imports, for the audit log; `system` when left out. */
export interface ImportOptions {
  readonly actor?: string;
  /** The year of the program budget the programs belong to; the one stored, else this calendar year, when left out. */
  readonly budgetYear?: number;
}

/** A workspace that cannot be stored as it is; `problems` says what to fix, one line each, with the file. */
export class WorkspaceImportError extends Error {
  constructor(
    readonly municipalityId: string,
    readonly problems: readonly string[],
  ) {
    super(`The workspace of "${municipalityId}" cannot be imported:\n  ${problems.join('\n  ')}`);
    this.name = 'WorkspaceImportError';
  }
}

/**
 * Brings the programs, effects, tasks, actions and indicators of one
 * municipality in line with those of the workspace, applying only the
 * difference (each added, changed or removed row recorded in the audit log
 * with its values before and after, so the history is kept), and records the
 * import itself, in one transaction: when anything fails, what was stored before
 * is untouched. Progress updates and users stay; they are not the workspace's.
 *
 * ```ts
 * const { workspace } = await loadWorkspace('data/demo/uithoorn')
 * await importWorkspace(db, 'uithoorn', workspace, { actor: 'data-team@uithoorn.nl' })
 * ```
 */
export async function importWorkspace(
  db: Kysely<Database>,
  municipalityId: string,
  workspace: Workspace,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const problems = identifierPattern.test(municipalityId)
    ? findDuplicateIds(workspace)
    : [`municipality id "${municipalityId}" must start with a-z and contain only a-z, 0-9, "_" and "-"`];
  if (problems.length > 0) throw new WorkspaceImportError(municipalityId, problems);

  const rows = toRows(municipalityId, workspace, options.budgetYear ?? (await budgetYearOf(db, municipalityId)));
  const summary = summaryOf(rows);

  await db.transaction().execute((trx) => replaceStructure(trx, municipalityId, workspace, rows, summary, options.actor ?? 'system'));
  return summary;
}

/**
 * Imports the workspace's programs and indicators, as {@link importWorkspace}
 * does, but only when they differ from what was last imported (by
 * {@link structureHashOf}), inside the caller's transaction. Returns whether it imported.
 */
export async function importWorkspaceIfChanged(
  trx: Kysely<Database>,
  municipalityId: string,
  workspace: Workspace,
  actor: string,
): Promise<boolean> {
  const stored = await trx.selectFrom('municipalities').select('structure_hash').where('id', '=', municipalityId).executeTakeFirst();
  if (stored?.structure_hash === structureHashOf(workspace)) return false;
  const problems = findDuplicateIds(workspace);
  if (problems.length > 0) throw new WorkspaceImportError(municipalityId, problems);
  const rows = toRows(municipalityId, workspace, await budgetYearOf(trx, municipalityId));
  await replaceStructure(trx, municipalityId, workspace, rows, summaryOf(rows), actor);
  return true;
}

/** sha256 of what an import stores of a workspace: its name, folder, programs and indicator definitions. */
export function structureHashOf(workspace: Workspace): string {
  const { municipality, root, programs, indicators } = workspace;
  return createHash('sha256').update(JSON.stringify({ municipality, root, programs, indicators })).digest('hex');
}

async function replaceStructure(
  trx: Kysely<Database>,
  municipalityId: string,
  workspace: Workspace,
  rows: ReturnType<typeof toRows>,
  summary: ImportSummary,
  actor: string,
): Promise<void> {
  const before = await countStored(trx, municipalityId);
  await saveMunicipality(
    trx,
    { id: municipalityId, name: workspace.municipality },
    { workspaceRoot: workspace.root, structureHash: structureHashOf(workspace), budgetYear: rows.programs[0]?.budget_year ?? null },
  );
  const changes = await applyStructureDiff(trx, municipalityId, rows, actor);
  await bumpDataVersion(trx);
  await recordAudit(trx, {
    actor,
    municipalityId,
    entity: 'workspace',
    entityId: municipalityId,
    action: 'import',
    before,
    after: { root: workspace.root, municipality: workspace.municipality, ...summary, changes },
  });
}

function summaryOf(rows: ReturnType<typeof toRows>): ImportSummary {
  return {
    programs: rows.programs.length,
    effects: rows.effects.length,
    tasks: rows.tasks.length,
    actions: rows.actions.length,
    indicators: rows.indicators.length,
  };
}

async function countStored(db: Kysely<Database>, municipalityId: string): Promise<ImportSummary | null> {
  const counts: Record<string, number> = {};
  for (const table of ['programs', 'effects', 'tasks', 'actions', 'indicators'] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.count);
  }
  const summary = counts as unknown as ImportSummary;
  return Object.values(summary).every((count) => count === 0) ? null : summary;
}


function toRows(municipalityId: string, workspace: Workspace, budgetYear: number) {
  const m = { municipality_id: municipalityId };
  const programs: Insertable<Database['programs']>[] = [];
  const effects: Insertable<Database['effects']>[] = [];
  const effectIndicators: Insertable<Database['effect_indicators']>[] = [];
  const tasks: Insertable<Database['tasks']>[] = [];
  const taskEffects: Insertable<Database['task_effects']>[] = [];
  const actions: Insertable<Database['actions']>[] = [];

  workspace.programs.forEach((program, programPosition) => {
    programs.push({
      ...m,
      id: program.id,
      position: programPosition,
      title: program.title,
      portfolio_holders: JSON.stringify(program.portfolioHolders),
      department: program.department ?? null,
      vision: program.vision ?? null,
      policy_documents: JSON.stringify(program.policyDocuments),
      source_file: program.file ?? null,
      budget_year: budgetYear,
    });
    program.effects.forEach((effect, position) => {
      const { id, title } = effect;
      effects.push({ ...m, id, program_id: program.id, position, title, description: effect.description ?? null });
      effect.indicators.forEach((indicatorId, linkPosition) =>
        effectIndicators.push({ ...m, effect_id: id, indicator_id: indicatorId, position: linkPosition }),
      );
    });
    program.tasks.forEach((task, position) => {
      const { id, title } = task;
      tasks.push({ ...m, id, program_id: program.id, position, title, description: task.description ?? null });
      task.effects.forEach((effectId, linkPosition) =>
        taskEffects.push({ ...m, task_id: id, effect_id: effectId, position: linkPosition }),
      );
      task.actions.forEach((action, actionPosition) =>
        actions.push({
          ...m,
          id: action.id,
          program_id: program.id,
          task_id: id,
          position: actionPosition,
          title: action.title,
          description: action.description ?? null,
          kind: action.kind,
          priority: action.priority,
          owner: action.owner ?? null,
          start_date: action.start ?? null,
          due_date: action.due ?? null,
        }),
      );
    });
  });

  const indicators: Insertable<Database['indicators']>[] = workspace.indicators.map((indicator) => ({
    ...m,
    id: indicator.id,
    title: indicator.title,
    unit: indicator.unit,
    definition: JSON.stringify(indicator),
    source_file: indicator.file ?? null,
  }));

  return { programs, effects, effect_indicators: effectIndicators, tasks, task_effects: taskEffects, actions, indicators };
}

/** The budget year stored for the municipality, or this calendar year for one not stored yet. */
async function budgetYearOf(db: Kysely<Database>, municipalityId: string): Promise<number> {
  const row = await db.selectFrom('municipalities').select('budget_year').where('id', '=', municipalityId).executeTakeFirst();
  return row?.budget_year ?? new Date().getUTCFullYear();
}
