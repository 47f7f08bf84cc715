import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../database';

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

/** A recorded change, as read back. */
export interface AuditRecord extends Omit<AuditEntry, 'occurredAt'> {
  readonly id: string;
  /** ISO 8601, UTC. */
  readonly occurredAt: string;
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
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurred_at,
    actor: row.actor,
    municipalityId: row.municipality_id,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: row.before_state === null ? null : (JSON.parse(row.before_state) as unknown),
    after: row.after_state === null ? null : (JSON.parse(row.after_state) as unknown),
  }));
}

/** Whether `actor` has recorded any change at all. */
export async function hasAuditBy(db: Kysely<Database>, actor: string): Promise<boolean> {
  const row = await db.selectFrom('audit_log').select('id').where('actor', '=', actor).limit(1).executeTakeFirst();
  return row !== undefined;
}
