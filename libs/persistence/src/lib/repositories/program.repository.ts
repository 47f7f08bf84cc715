import type { Action, ActionKind, Priority, ProgramOverview } from '@koers/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../database';

/**
 * The programs of one municipality in budget order, each with its effects,
 * tasks and actions in the order of their files. Four queries whatever the
 * number of programs, read in one transaction so an import running at the
 * same time is seen wholly or not at all.
 */
export async function listPrograms(db: Kysely<Database>, municipalityId: string): Promise<ProgramOverview[]> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const programs = await trx
        .selectFrom('programs')
        .selectAll()
        .where('municipality_id', '=', municipalityId)
        .orderBy('position')
        .execute();
      const effects = await trx
        .selectFrom('effects as e')
        .leftJoin('effect_indicators as ei', (join) =>
          join.onRef('ei.municipality_id', '=', 'e.municipality_id').onRef('ei.effect_id', '=', 'e.id'),
        )
        .select(['e.id', 'e.program_id', 'e.title', 'e.description', 'ei.indicator_id'])
        .where('e.municipality_id', '=', municipalityId)
        .orderBy('e.position')
        .orderBy('ei.position')
        .execute();
      const tasks = await trx
        .selectFrom('tasks as t')
        .leftJoin('task_effects as te', (join) =>
          join.onRef('te.municipality_id', '=', 't.municipality_id').onRef('te.task_id', '=', 't.id'),
        )
        .select(['t.id', 't.program_id', 't.title', 't.description', 'te.effect_id'])
        .where('t.municipality_id', '=', municipalityId)
        .orderBy('t.position')
        .orderBy('te.position')
        .execute();
      const actions = await trx
        .selectFrom('actions')
        .selectAll()
        .where('municipality_id', '=', municipalityId)
        .orderBy('position')
        .execute();

      const effectsByProgram = groupLinked(effects, 'indicator_id', (row, indicators) => ({
        id: row.id,
        title: row.title,
        ...optional('description', row.description),
        indicators,
      }));
      const actionsByTask = group(actions, (row) => row.task_id, toAction);
      const tasksByProgram = groupLinked(tasks, 'effect_id', (row, effectIds) => ({
        id: row.id,
        title: row.title,
        ...optional('description', row.description),
        effects: effectIds,
        actions: actionsByTask.get(row.id) ?? [],
      }));

      return programs.map((row) => ({
        id: row.id,
        municipalityId: row.municipality_id,
        title: row.title,
        portfolioHolders: parseStringList(row.portfolio_holders),
        department: row.department,
        vision: row.vision,
        policyDocuments: parseStringList(row.policy_documents),
        ...(row.budget_year === null ? {} : { budgetYear: Number(row.budget_year) }),
        effects: effectsByProgram.get(row.id) ?? [],
        tasks: tasksByProgram.get(row.id) ?? [],
      }));
    });
}

function toAction(row: Database['actions']): Action {
  return {
    id: row.id,
    title: row.title,
    ...optional('description', row.description),
    // Only importWorkspace writes these columns, from a checked Action.
    kind: row.kind as ActionKind,
    priority: row.priority as Priority,
    ...optional('owner', row.owner),
    ...optional('start', row.start_date),
    ...optional('due', row.due_date),
  };
}

/**
 * Rows of a parent left-joined to a link table (one row per link, ordered by
 * parent, then link) folded into one item per parent, grouped by program.
 */
function groupLinked<Row extends { id: string; program_id: string }, Key extends keyof Row, Item>(
  rows: readonly Row[],
  linkColumn: Key,
  toItem: (row: Row, links: string[]) => Item,
): Map<string, Item[]> {
  const linksById = new Map<string, { row: Row; links: string[] }>();
  for (const row of rows) {
    let entry = linksById.get(row.id);
    if (!entry) {
      entry = { row, links: [] };
      linksById.set(row.id, entry);
    }
    const link = row[linkColumn];
    if (typeof link === 'string') entry.links.push(link);
  }
  return group([...linksById.values()], (entry) => entry.row.program_id, (entry) => toItem(entry.row, entry.links));
}

function group<Row, Item>(rows: readonly Row[], keyOf: (row: Row) => string, toItem: (row: Row) => Item): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const items = groups.get(key);
    if (items) items.push(toItem(row));
    else groups.set(key, [toItem(row)]);
  }
  return groups;
}

/** `{ key: value }` when there is a value, `{}` when the column is null: optional fields stay absent, as in the YAML. */
function optional<Key extends string>(key: Key, value: string | null): { [K in Key]?: string } {
  return value === null ? {} : ({ [key]: value } as { [K in Key]: string });
}

function parseStringList(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
