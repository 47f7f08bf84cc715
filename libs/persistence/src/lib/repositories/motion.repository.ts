import type { Motion, MotionInput, MotionKind, MotionPoint, MotionPointStatus, MotionResponse, MotionResponseInput, ReportChangeResult } from '@koers/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../database';
import { recordAudit } from './audit-log.repository';
import { bumpDataVersion } from './data-version.repository';
import { fromJsonColumn, toJsonColumn } from './json-column';
import type { ReportActor } from './report.repository';

/** Every motion and commitment of a municipality, by the date adopted, with every response to its points. */
export async function listMotions(db: Kysely<Database>, municipalityId: string): Promise<Motion[]> {
  const [rows, responses] = await Promise.all([
    db.selectFrom('motions').selectAll().where('municipality_id', '=', municipalityId).orderBy('adopted_on').orderBy('id').execute(),
    db
      .selectFrom('motion_responses')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .orderBy('motion_id')
      .orderBy('quarter')
      .orderBy('point_number')
      .execute(),
  ]);
  return rows.map((row) => ({
    municipalityId,
    id: row.id,
    // Only saveMotion writes these columns, from a checked MotionInput.
    kind: row.kind as MotionKind,
    reference: row.reference,
    title: row.title,
    adoptedOn: row.adopted_on,
    ...(row.text === null ? {} : { text: row.text }),
    points: fromJsonColumn<MotionPoint[]>(row.points),
    responses: responses
      .filter((response) => response.motion_id === row.id)
      .map(
        (response): MotionResponse => ({
          motionId: response.motion_id,
          pointNumber: Number(response.point_number),
          quarter: response.quarter,
          status: response.status as MotionPointStatus,
          response: response.response,
          authorName: response.author_name,
          writtenAt: response.written_at,
        }),
      ),
  }));
}

/**
 * Adds a motion, or replaces its reference, title, date, text and points.
 * Responses stay with their point numbers; those of points no longer there
 * stay stored (and in the audit trail) but are no longer shown.
 */
export async function saveMotion(db: Kysely<Database>, municipalityId: string, motion: MotionInput, by: ReportActor, at = new Date()): Promise<Motion> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('motions').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', motion.id).executeTakeFirst();
    const values = {
      kind: motion.kind,
      reference: motion.reference,
      title: motion.title,
      adopted_on: motion.adoptedOn,
      text: motion.text ?? null,
      points: toJsonColumn(motion.points),
      changed_by: by.email,
      changed_at: at.toISOString(),
    };
    if (before === undefined) {
      await trx.insertInto('motions').values({ municipality_id: municipalityId, id: motion.id, ...values }).execute();
    } else {
      await trx.updateTable('motions').set(values).where('municipality_id', '=', municipalityId).where('id', '=', motion.id).execute();
    }
    await recordAudit(trx, {
      actor: by.email,
      municipalityId,
      entity: 'motion',
      entityId: motion.id,
      action: before === undefined ? 'create' : 'update',
      before: before === undefined ? null : { kind: before.kind, reference: before.reference, title: before.title, adoptedOn: before.adopted_on, text: before.text, points: fromJsonColumn(before.points) },
      after: motion,
      occurredAt: at,
    });
    await bumpDataVersion(trx);
  });
  return (await listMotions(db, municipalityId)).find((stored) => stored.id === motion.id) as Motion;
}

/** The college's response to one point for one quarter; refused for a motion or point that does not exist. */
export async function saveMotionResponse(
  db: Kysely<Database>,
  municipalityId: string,
  response: MotionResponseInput,
  by: ReportActor,
  at = new Date(),
): Promise<ReportChangeResult<Motion>> {
  const motion = await db.selectFrom('motions').select(['points']).where('municipality_id', '=', municipalityId).where('id', '=', response.motionId).executeTakeFirst();
  if (motion === undefined) return { status: 'refused', message: `Motie "${response.motionId}" bestaat niet in deze gemeente.` };
  const points = fromJsonColumn<MotionPoint[]>(motion.points);
  if (!points.some((point) => point.number === response.pointNumber)) {
    return { status: 'refused', message: `Motie "${response.motionId}" heeft geen punt ${response.pointNumber}: de punten lopen van 1 tot en met ${points.length}.` };
  }
  await db.transaction().execute(async (trx) => {
    const key = { municipality_id: municipalityId, motion_id: response.motionId, point_number: response.pointNumber, quarter: response.quarter };
    const before = await trx
      .selectFrom('motion_responses')
      .select(['status', 'response'])
      .where('municipality_id', '=', key.municipality_id)
      .where('motion_id', '=', key.motion_id)
      .where('point_number', '=', key.point_number)
      .where('quarter', '=', key.quarter)
      .executeTakeFirst();
    const values = { status: response.status, response: response.response, author_email: by.email, author_name: by.name, written_at: at.toISOString() };
    await trx
      .insertInto('motion_responses')
      .values({ ...key, ...values })
      .onConflict((conflict) => conflict.columns(['municipality_id', 'motion_id', 'point_number', 'quarter']).doUpdateSet(values))
      .execute();
    await recordAudit(trx, {
      actor: by.email,
      municipalityId,
      entity: 'motion_response',
      entityId: `${response.motionId}/${response.pointNumber}/${response.quarter}`,
      action: before === undefined ? 'create' : 'update',
      before: before ?? null,
      after: { status: response.status, response: response.response },
      occurredAt: at,
    });
    await bumpDataVersion(trx);
  });
  return { status: 'done', value: (await listMotions(db, municipalityId)).find((stored) => stored.id === response.motionId) as Motion };
}
