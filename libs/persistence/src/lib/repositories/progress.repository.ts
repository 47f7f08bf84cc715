import type { ActionProgress, ProgressRecord, ProgressReport, ProgressStatus } from '@koers/domain';
import type { Kysely, Selectable } from 'kysely';
import type { Database, ProgressUpdateTable } from '../database';
import { recordAudit } from './audit-log.repository';
import { bumpDataVersion } from './data-version.repository';

/** A progress update to store: one action, one quarter. */
export interface NewProgressUpdate extends ActionProgress {
  readonly municipalityId: string;
  readonly author: string;
}

/** Stores progress updates; an update for an action and quarter already stored replaces it. */
export async function saveProgressUpdates(db: Kysely<Database>, updates: readonly NewProgressUpdate[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await saveInTransaction(trx, updates);
    await bumpDataVersion(trx);
  });
}

async function saveInTransaction(db: Kysely<Database>, updates: readonly NewProgressUpdate[]): Promise<void> {
  for (let start = 0; start < updates.length; start += 200) {
    const rows = updates.slice(start, start + 200).map((update) => ({
      municipality_id: update.municipalityId,
      action_id: update.actionId,
      quarter: update.quarter,
      status: update.status,
      percent: update.percent,
      comment: update.comment,
      author: update.author,
      recorded_at: update.recordedAt,
    }));
    await db
      .insertInto('progress_updates')
      .values(rows)
      .onConflict((conflict) =>
        conflict.columns(['municipality_id', 'action_id', 'quarter']).doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          percent: eb.ref('excluded.percent'),
          comment: eb.ref('excluded.comment'),
          author: eb.ref('excluded.author'),
          recorded_at: eb.ref('excluded.recorded_at'),
        })),
      )
      .execute();
  }
}

/**
 * The latest progress update of every action of the municipality that has
 * one; with `upToQuarter`, the latest of that quarter or before (quarter
 * labels sort as text), as a report of that quarter shows it.
 */
export async function listLatestProgress(db: Kysely<Database>, municipalityId: string, upToQuarter?: string): Promise<ActionProgress[]> {
  let query = db
    .selectFrom('progress_updates')
    .select(['action_id', 'quarter', 'status', 'percent', 'comment', 'recorded_at'])
    .where('municipality_id', '=', municipalityId);
  if (upToQuarter !== undefined) query = query.where('quarter', '<=', upToQuarter);
  const rows = await query
    .orderBy('action_id')
    .orderBy('quarter')
    .execute();
  const latest = new Map<string, ActionProgress>();
  for (const row of rows) {
    latest.set(row.action_id, {
      actionId: row.action_id,
      quarter: row.quarter,
      // Only saveProgressUpdates writes this column, from a typed ProgressStatus.
      status: row.status as ProgressStatus,
      percent: Number(row.percent),
      comment: row.comment,
      recordedAt: row.recorded_at,
    });
  }
  return [...latest.values()];
}

/** Whether any progress update is stored for the municipality. */
export async function hasProgress(db: Kysely<Database>, municipalityId: string): Promise<boolean> {
  const row = await db.selectFrom('progress_updates').select('action_id').where('municipality_id', '=', municipalityId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Every progress update of the municipality, every quarter, by action and quarter, with who reported it. */
export async function listProgressUpdates(db: Kysely<Database>, municipalityId: string): Promise<ProgressRecord[]> {
  const rows = await db
    .selectFrom('progress_updates')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('action_id')
    .orderBy('quarter')
    .execute();
  return rows.map(toRecord);
}

/**
 * Stores one team lead's report on an action for a quarter (replacing that
 * quarter's earlier report), with an audit record of the report before and
 * after and a bump of the data version, in one transaction: the overview's
 * counts follow at once, and the audit trail has every change.
 */
export async function recordProgressReport(
  db: Kysely<Database>,
  municipalityId: string,
  report: ProgressReport,
  actor: string,
  recordedAt: Date = new Date(),
): Promise<ProgressRecord> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('progress_updates')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('action_id', '=', report.actionId)
      .where('quarter', '=', report.quarter)
      .executeTakeFirst();
    const saved: ProgressRecord = { ...report, author: actor, recordedAt: recordedAt.toISOString() };
    await saveInTransaction(trx, [{ municipalityId, ...saved }]);
    await recordAudit(trx, {
      actor,
      municipalityId,
      entity: 'progress',
      entityId: `${report.actionId}:${report.quarter}`,
      action: existing === undefined ? 'report' : 'update',
      before: existing === undefined ? null : toRecord(existing),
      after: saved,
      occurredAt: recordedAt,
    });
    await bumpDataVersion(trx);
    return saved;
  });
}

function toRecord(row: Selectable<ProgressUpdateTable>): ProgressRecord {
  return {
    actionId: row.action_id,
    quarter: row.quarter,
    // Only this file writes the column, from a typed ProgressStatus.
    status: row.status as ProgressStatus,
    percent: Number(row.percent),
    comment: row.comment,
    author: row.author,
    recordedAt: row.recorded_at,
  };
}
