import { randomUUID } from 'node:crypto';
import type {
  ComputationHistory,
  ComputationInputs,
  ComputationOutcome,
  ComputationRecord,
  ComputationStatus,
  ComputationTrigger,
  IndicatorProblem,
} from '@koers/domain';
import type { Kysely, Selectable } from 'kysely';
import type { ComputationTable, Database } from '../database';
import { fromJsonColumn, toJsonColumn } from './json-column';
import { importWorkspaceIfChanged } from './workspace-import.repository';

/** Records that a computation of the municipality has started; it is `running` until stored or failed. */
export async function startComputation(
  db: Kysely<Database>,
  start: { readonly municipalityId: string; readonly trigger: ComputationTrigger; readonly startedAt?: Date; readonly id?: string },
): Promise<ComputationRecord> {
  const row = {
    id: start.id ?? randomUUID(),
    municipality_id: start.municipalityId,
    trigger: start.trigger,
    started_at: (start.startedAt ?? new Date()).toISOString(),
    finished_at: null,
    status: 'running',
    error: null,
    inputs: null,
    problems: '[]',
    indicator_count: 0,
    failed_count: 0,
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
 */
export async function storeComputation(db: Kysely<Database>, outcome: ComputationOutcome, actor = 'koers'): Promise<ComputationRecord> {
  return db.transaction().execute(async (trx) => {
    if (outcome.workspace !== null) await importWorkspaceIfChanged(trx, outcome.municipalityId, outcome.workspace, actor);
    const stored = await trx
      .selectFrom('indicator_results')
      .select(['indicator_id', 'definition'])
      .where('municipality_id', '=', outcome.municipalityId)
      .execute();
    const keep = new Set<string>();
    let failedCount = 0;
    for (const [position, item] of outcome.indicators.entries()) {
      const indicatorId = item.definition.indicator.id;
      keep.add(indicatorId);
      const common = { position, definition: toJsonColumn(item.definition) };
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
      if (keep.has(row.indicator_id)) continue;
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
    const row = await trx.selectFrom('computations').selectAll().where('id', '=', outcome.computationId).executeTakeFirstOrThrow();
    return toRecord(row);
  });
}

/** Records that a computation failed as a whole (its worker crashed, or ran past its time): nothing stored changes. */
export async function failComputation(db: Kysely<Database>, computationId: string, error: string, finishedAt = new Date()): Promise<void> {
  await db
    .updateTable('computations')
    .set({ status: 'failed', error, finished_at: finishedAt.toISOString() })
    .where('id', '=', computationId)
    .execute();
}

/**
 * Marks every computation still `running` as failed: run at start-up, when no
 * computation of this installation can be running (a server stopped in the
 * middle of one leaves it so).
 */
export async function failInterruptedComputations(db: Kysely<Database>, error: string): Promise<number> {
  const result = await db
    .updateTable('computations')
    .set({ status: 'failed', error, finished_at: new Date().toISOString() })
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The latest computation of a municipality, and the latest that finished. */
export async function computationHistory(db: Kysely<Database>, municipalityId: string): Promise<ComputationHistory> {
  const latest = await db
    .selectFrom('computations')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('started_at', 'desc')
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
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}

function toRecord(row: Selectable<ComputationTable>): ComputationRecord {
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    // Only this file writes these columns, from the typed unions.
    trigger: row.trigger as ComputationTrigger,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: row.status as ComputationStatus,
    error: row.error,
    inputs: fromJsonColumn<ComputationInputs | null>(row.inputs, null),
    problems: fromJsonColumn<IndicatorProblem[]>(row.problems),
    indicatorCount: Number(row.indicator_count),
    failedCount: Number(row.failed_count),
  };
}
