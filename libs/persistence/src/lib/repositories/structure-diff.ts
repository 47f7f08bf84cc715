import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../database';
import { recordAudit } from './audit-log.repository';

/** The structure tables an import writes, each with the columns that identify a row within a municipality. */
const structureTables = {
  programs: { entity: 'program', key: ['id'] },
  effects: { entity: 'effect', key: ['id'] },
  tasks: { entity: 'task', key: ['id'] },
  indicators: { entity: 'indicator', key: ['id'] },
  actions: { entity: 'action', key: ['id'] },
  effect_indicators: { entity: 'effect_indicator', key: ['effect_id', 'indicator_id'] },
  task_effects: { entity: 'task_effect', key: ['task_id', 'effect_id'] },
} as const;

export type StructureTable = keyof typeof structureTables;

/** Parents before children: the order inserts go in; deletes go the other way. */
const insertOrder: readonly StructureTable[] = ['programs', 'effects', 'tasks', 'indicators', 'actions', 'effect_indicators', 'task_effects'];

/** The rows one import wants, per table, for one municipality. */
export type StructureRows = { readonly [Table in StructureTable]: readonly Insertable<Database[Table]>[] };

/** How many rows an import added, changed and removed. */
export interface StructureChanges {
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
}

type Row = Readonly<Record<string, unknown>>;

/**
 * Brings a municipality's stored structure to `rows` by applying only the
 * difference, in the caller's transaction: rows that are new are added, rows
 * whose values differ are updated in place, rows that are gone are removed
 * (children before parents), and each of these is recorded in the audit trail
 * with its values before and after. An unchanged row is not touched, so its
 * history stays where it is.
 */
export async function applyStructureDiff(trx: Kysely<Database>, municipalityId: string, rows: StructureRows, actor: string): Promise<StructureChanges> {
  const plans = new Map<StructureTable, { added: Row[]; changed: { before: Row; after: Row }[]; removed: Row[] }>();
  for (const table of insertOrder) {
    const stored = (await trx.selectFrom(table).selectAll().where('municipality_id', '=', municipalityId).execute()) as Row[];
    plans.set(table, diff(table, stored, rows[table] as readonly Row[]));
  }
  for (const table of [...insertOrder].reverse()) {
    for (const row of plans.get(table)?.removed ?? []) {
      let query = trx.deleteFrom(table).where('municipality_id', '=', municipalityId);
      for (const column of structureTables[table].key) query = query.where(column as never, '=', row[column] as never);
      await query.execute();
    }
  }
  for (const table of insertOrder) {
    const plan = plans.get(table);
    if (plan === undefined) continue;
    for (const { after } of plan.changed) {
      let query = trx.updateTable(table).set(after as never).where('municipality_id', '=', municipalityId);
      for (const column of structureTables[table].key) query = query.where(column as never, '=', after[column] as never);
      await query.execute();
    }
    for (let start = 0; start < plan.added.length; start += 200) {
      // kysely's overloads cannot see that a row of Database[Table] fits insertInto(Table) for a generic Table.
      await trx
        .insertInto(table)
        .values(plan.added.slice(start, start + 200) as never)
        .execute();
    }
  }
  let added = 0;
  let changed = 0;
  let removed = 0;
  for (const table of insertOrder) {
    const plan = plans.get(table);
    if (plan === undefined) continue;
    const { entity, key } = structureTables[table];
    const idOf = (row: Row) => key.map((column) => String(row[column])).join('/');
    const audit = (action: string, entityId: string, before: Row | null, after: Row | null) =>
      recordAudit(trx, { actor, municipalityId, entity, entityId, action, before: before && withoutMunicipality(before), after: after && withoutMunicipality(after) });
    for (const row of plan.added) await audit('create', idOf(row), null, row);
    for (const change of plan.changed) await audit('update', idOf(change.after), change.before, change.after);
    for (const row of plan.removed) await audit('delete', idOf(row), row, null);
    added += plan.added.length;
    changed += plan.changed.length;
    removed += plan.removed.length;
  }
  return { added, changed, removed };
}

function diff(table: StructureTable, stored: readonly Row[], wanted: readonly Row[]) {
  const keyOf = (row: Row) => structureTables[table].key.map((column) => String(row[column])).join('\u0000');
  const storedByKey = new Map(stored.map((row) => [keyOf(row), row]));
  const wantedKeys = new Set(wanted.map(keyOf));
  const added: Row[] = [];
  const changed: { before: Row; after: Row }[] = [];
  for (const row of wanted) {
    const before = storedByKey.get(keyOf(row));
    if (before === undefined) added.push(row);
    else if (Object.keys(row).some((column) => !isSameValue(before[column], row[column]))) changed.push({ before, after: row });
  }
  const removed = stored.filter((row) => !wantedKeys.has(keyOf(row)));
  return { added, changed, removed };
}

/** Values as stored and as wanted: undefined and null are alike, and numbers compare as numbers. */
function isSameValue(stored: unknown, wanted: unknown): boolean {
  if ((stored === null || stored === undefined) && (wanted === null || wanted === undefined)) return true;
  if (typeof wanted === 'number') return Number(stored) === wanted;
  return stored === wanted;
}

function withoutMunicipality(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([column]) => column !== 'municipality_id'));
}
