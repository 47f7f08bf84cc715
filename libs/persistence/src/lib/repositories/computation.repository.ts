import { randomUUID } from 'node:crypto';
import type {
  ComputationHistory,
  ComputationOutcome,
  ComputationRecord,
  ComputationStatus,
  ComputationTrigger,
} from '@koers/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../database';
import { fromJsonColumn, toJsonColumn } from './json-column';
import { releaseSlot } from './computation-queue.repository';
import { toRecord } from './computation-record';
import { bumpDataVersion } from './data-version.repository';
import { importWorkspaceIfChanged } from './workspace-import.repository';

/** Records that a computation of the municipality has started; it is `running` until stored or failed. */
export async function startComputation(
  db: Kysely<Database>,
  start: {
    readonly municipalityId: string;
    readonly trigger: ComputationTrigger;
    readonly startedAt?: Date;
    readonly id?: string;
    /** The indicators it covers; all when left out. */
    readonly indicatorIds?: readonly string[];
  },
): Promise<ComputationRecord> {
  const row = {
    id: start.id ?? randomUUID(),
    municipality_id: start.municipalityId,
    trigger: start.trigger,
    requested_at: (start.startedAt ?? new Date()).toISOString(),
    claimed_by: null,
    started_at: (start.startedAt ?? new Date()).toISOString(),
    finished_at: null,
    status: 'running',
    error: null,
    inputs: null,
    problems: '[]',
    indicator_count: 0,
    failed_count: 0,
    indicator_ids: start.indicatorIds === undefined ? null : toJsonColumn([...new Set(start.indicatorIds)].sort()),
  };
  await db.insertInto('computations').values(row).execute();
  return toRecord(row);
}

/**
 * Stores what a computation found, in one transaction: the programs when they
 * changed, every computed indicator's report (replacing the previous one),
 * every failed indicator's problem (its previous report stays), the problem of
 * a stored indicator whose definition file now fails to read (it stays too),
 * and the computation's record. Stored indicators the workspace no longer has
 * are removed. On any failure nothing of it is stored.
 *
 * An outcome with `indicatorIds` (a computation of some indicators) stores
 * those only: every other stored indicator keeps its report, problem and
 * computation id, and programs are imported as after any computation.
 */
export async function storeComputation(db: Kysely<Database>, outcome: ComputationOutcome, actor = 'koers'): Promise<ComputationRecord> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('computations').select('status').where('id', '=', outcome.computationId).executeTakeFirst();
    if (current?.status !== 'running') {
      throw new Error(`computation ${outcome.computationId} is ${current?.status ?? 'unknown'}, not running: another instance took it over, so its outcome is not stored`);
    }
    if (outcome.workspace !== null) await importWorkspaceIfChanged(trx, outcome.municipalityId, outcome.workspace, actor);
    const stored = await trx
      .selectFrom('indicator_results')
      .select(['indicator_id', 'definition', 'position'])
      .where('municipality_id', '=', outcome.municipalityId)
      .execute();
    // A computation of some indicators leaves every other stored indicator exactly as it is.
    const scope = outcome.indicatorIds == null ? null : new Set(outcome.indicatorIds);
    const positionOf = placeInWorkspace(outcome, stored);
    const keep = new Set<string>();
    let failedCount = 0;
    for (const [index, item] of outcome.indicators.entries()) {
      const indicatorId = item.definition.indicator.id;
      keep.add(indicatorId);
      const common = { position: scope === null ? index : positionOf(indicatorId), definition: toJsonColumn(item.definition) };
      // A failed indicator keeps its report and statuses: only its definition and problem change.
      const update =
        'report' in item
          ? { ...common, report: toJsonColumn(item.report), statuses: toJsonColumn(item.statuses), computation_id: outcome.computationId, problem: null }
          : { ...common, problem: toJsonColumn({ ...item.problem, computationId: outcome.computationId, at: outcome.finishedAt }) };
      if (!('report' in item)) failedCount += 1;
      await trx
        .insertInto('indicator_results')
        .values({ municipality_id: outcome.municipalityId, indicator_id: indicatorId, statuses: '[]', ...update })
        .onConflict((conflict) => conflict.columns(['municipality_id', 'indicator_id']).doUpdateSet(update))
        .execute();
    }
    for (const row of stored) {
      if (keep.has(row.indicator_id) || (scope !== null && !scope.has(row.indicator_id))) continue;
      const file = fromJsonColumn<{ indicator: { file?: string } }>(row.definition).indicator.file;
      const problem = outcome.problems.find((candidate) => file !== undefined && candidate.file === file);
      if (problem === undefined) {
        await trx.deleteFrom('indicator_results').where('municipality_id', '=', outcome.municipalityId).where('indicator_id', '=', row.indicator_id).execute();
      } else {
        failedCount += 1;
        await trx
          .updateTable('indicator_results')
          .where('municipality_id', '=', outcome.municipalityId)
          .where('indicator_id', '=', row.indicator_id)
          .set({ problem: toJsonColumn({ ...problem, computationId: outcome.computationId, at: outcome.finishedAt }) }).execute();
      }
    }
    const finished = {
      finished_at: outcome.finishedAt,
      status: 'succeeded' satisfies ComputationStatus,
      inputs: toJsonColumn(outcome.inputs),
      problems: toJsonColumn(outcome.problems),
      indicator_count: outcome.indicators.length,
      failed_count: failedCount,
    };
    await trx.updateTable('computations').set(finished).where('id', '=', outcome.computationId).execute();
    await releaseSlot(trx, outcome.computationId);
    await bumpDataVersion(trx);
    const row = await trx.selectFrom('computations').selectAll().where('id', '=', outcome.computationId).executeTakeFirstOrThrow();
    return toRecord(row);
  });
}

/**
 * Where an indicator of a partial computation goes in the municipality's
 * order: its place in the workspace read (the order a whole computation
 * stores), else the place it had, else after the others.
 */
function placeInWorkspace(
  outcome: ComputationOutcome,
  stored: readonly { readonly indicator_id: string; readonly position: number }[],
): (indicatorId: string) => number {
  const inWorkspace = new Map((outcome.workspace?.indicators ?? []).map((indicator, index) => [indicator.id, index]));
  const before = new Map(stored.map((row) => [row.indicator_id, Number(row.position)]));
  let next = stored.reduce((last, row) => Math.max(last, Number(row.position)), -1) + 1;
  return (indicatorId) => inWorkspace.get(indicatorId) ?? before.get(indicatorId) ?? next++;
}

/** Records that a computation failed as a whole (its worker crashed, or ran past its time): nothing stored changes. */
export async function failComputation(db: Kysely<Database>, computationId: string, error: string, finishedAt = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('computations')
      .set({ status: 'failed', error, finished_at: finishedAt.toISOString() })
      .where('id', '=', computationId)
      .where('status', 'in', ['queued', 'running'])
      .execute();
    await releaseSlot(trx, computationId);
    await bumpDataVersion(trx);
  });
}

/**
 * Marks every computation still `running` as failed and frees every slot: for
 * the embedded database at start-up, when no other process can be computing
 * (a server stopped in the middle of one leaves it so). With several
 * instances, `recoverStaleComputations` does this by heartbeat instead.
 */
export async function failInterruptedComputations(db: Kysely<Database>, error: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('computations')
      .set({ status: 'failed', error, finished_at: new Date().toISOString() })
      .where('status', '=', 'running')
      .executeTakeFirst();
    await trx.updateTable('computation_slots').set({ computation_id: null, owner: null, heartbeat_at: null }).execute();
    return Number(result.numUpdatedRows);
  });
}

/** The latest computation of a municipality, and the latest that finished. */
export async function computationHistory(db: Kysely<Database>, municipalityId: string): Promise<ComputationHistory> {
  const latest = await db
    .selectFrom('computations')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (latest === undefined) return { latest: null, lastFinished: null };
  if (latest.finished_at !== null) return { latest: toRecord(latest), lastFinished: toRecord(latest) };
  const lastFinished = await db
    .selectFrom('computations')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('finished_at', 'is not', null)
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { latest: toRecord(latest), lastFinished: lastFinished === undefined ? null : toRecord(lastFinished) };
}

/** The computations of a municipality, newest first. */
export async function listComputations(db: Kysely<Database>, municipalityId: string, limit = 20): Promise<ComputationRecord[]> {
  const rows = await db
    .selectFrom('computations')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}
