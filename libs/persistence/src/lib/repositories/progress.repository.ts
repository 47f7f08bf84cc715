import type { ActionProgress, ProgressStatus } from '@koers/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../database';
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

/** The latest progress update of every action of the municipality that has one. */
export async function listLatestProgress(db: Kysely<Database>, municipalityId: string): Promise<ActionProgress[]> {
  const rows = await db
    .selectFrom('progress_updates')
    .select(['action_id', 'quarter', 'status', 'percent', 'comment', 'recorded_at'])
    .where('municipality_id', '=', municipalityId)
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
