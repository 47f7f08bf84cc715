import { createHash } from 'node:crypto';
import { identifierPattern, type Workspace } from '@koers/domain';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../database';
import { recordAudit } from './audit-log.repository';
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

/** Tables an import replaces, wholly, for one municipality. */
const replacedTables = ['programs', 'effects', 'effect_indicators', 'tasks', 'task_effects', 'actions', 'indicators'] as const;

/** Rows per insert statement: well below any dialect's parameter limit. */
const batchSize = 200;

/**
 * Replaces the programs, effects, tasks, actions and indicators of one
 * municipality with those of the workspace, and records the import in the
 * audit log, in one transaction: when anything fails, what was stored before
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

  const rows = toRows(municipalityId, workspace);
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
  const rows = toRows(municipalityId, workspace);
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
  await saveMunicipality(trx, { id: municipalityId, name: workspace.municipality }, { workspaceRoot: workspace.root, structureHash: structureHashOf(workspace) });
  for (const table of replacedTables) {
    await trx.deleteFrom(table).where('municipality_id', '=', municipalityId).execute();
  }
  await insertAll(trx, 'programs', rows.programs);
  await insertAll(trx, 'effects', rows.effects);
  await insertAll(trx, 'effect_indicators', rows.effectIndicators);
  await insertAll(trx, 'tasks', rows.tasks);
  await insertAll(trx, 'task_effects', rows.taskEffects);
  await insertAll(trx, 'actions', rows.actions);
  await insertAll(trx, 'indicators', rows.indicators);
  await bumpDataVersion(trx);
  await recordAudit(trx, {
    actor,
    municipalityId,
    entity: 'workspace',
    entityId: municipalityId,
    action: 'import',
    before,
    after: { root: workspace.root, municipality: workspace.municipality, ...summary },
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

async function insertAll<Table extends (typeof replacedTables)[number]>(
  db: Kysely<Database>,
  table: Table,
  rows: readonly Insertable<Database[Table]>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += batchSize) {
    // kysely's overloads cannot see that a row of Database[Table] fits insertInto(Table) for a generic Table.
    await db
      .insertInto(table)
      .values(rows.slice(start, start + batchSize) as never)
      .execute();
  }
}

function toRows(municipalityId: string, workspace: Workspace) {
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

  return { programs, effects, effectIndicators, tasks, taskEffects, actions, indicators };
}
