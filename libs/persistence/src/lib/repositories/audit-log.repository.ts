import { randomUUID } from 'node:crypto';
import type { AuditFilter, AuditRecord } from '@koers/domain';
import type { Kysely, Selectable } from 'kysely';
import type { AuditLogTable, Database } from '../database';

/** One change to record; `before` and `after` are stored as JSON. */
export interface AuditEntry {
  readonly actor: string;
  readonly municipalityId: string | null;
  readonly entity: string;
  readonly entityId: string;
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
  /** When it happened; now when left out. */
  readonly occurredAt?: Date;
}


/** Records a change; pass the transaction that makes the change, so both land or neither does. */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      occurred_at: (entry.occurredAt ?? new Date()).toISOString(),
      actor: entry.actor,
      municipality_id: entry.municipalityId,
      entity: entry.entity,
      entity_id: entry.entityId,
      action: entry.action,
      before_state: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_state: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

/** The changes to one entity, oldest first. */
export async function listAudit(db: Kysely<Database>, entity: string, entityId: string): Promise<AuditRecord[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  return rows.map(toRecord);
}

/** Whether `actor` has recorded any change at all. */
export async function hasAuditBy(db: Kysely<Database>, actor: string): Promise<boolean> {
  const row = await db.selectFrom('audit_log').select('id').where('actor', '=', actor).limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Recorded changes of one municipality, newest first, narrowed by entity,
 * actor and time; a page of at most `limit`, after the change `after` names.
 */
export async function searchAudit(db: Kysely<Database>, filter: AuditFilter): Promise<AuditRecord[]> {
  let query = db.selectFrom('audit_log').selectAll().where('municipality_id', '=', filter.municipalityId);
  if (filter.entity !== undefined) query = query.where('entity', '=', filter.entity);
  if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor);
  if (filter.from !== undefined) query = query.where('occurred_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('occurred_at', '<', filter.to);
  const after = filter.after;
  if (after !== undefined) {
    query = query.where((eb) =>
      eb.or([eb('occurred_at', '<', after.occurredAt), eb.and([eb('occurred_at', '=', after.occurredAt), eb('id', '<', after.id)])]),
    );
  }
  const rows = await query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(toRecord);
}

function toRecord(row: Selectable<AuditLogTable>): AuditRecord {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actor: row.actor,
    municipalityId: row.municipality_id,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: row.before_state === null ? null : (JSON.parse(row.before_state) as unknown),
    after: row.after_state === null ? null : (JSON.parse(row.after_state) as unknown),
  };
}
