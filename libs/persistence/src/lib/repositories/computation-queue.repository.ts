import { randomUUID } from 'node:crypto';
import type { ComputationRecord, ComputationTrigger } from '@koers/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../database';
import { isPostgres } from '../migrations/database-kind';
import { toRecord } from './computation-record';
import { bumpDataVersion } from './data-version.repository';
import { fromJsonColumn, toJsonColumn } from './json-column';

/** What {@link enqueueComputation} is asked. */
export interface ComputationRequestRow {
  readonly municipalityId: string;
  readonly trigger: ComputationTrigger;
  readonly requestedAt?: Date;
  /** Also add nothing while one is running (a server starting beside another that computes already). */
  readonly isSkippedWhileRunning?: boolean;
  /** Only these indicators (a definition saved through the web); all of them when left out. */
  readonly indicatorIds?: readonly string[];
}

/**
 * Asks for a computation of the municipality: a `queued` row that any server
 * instance may claim. When one is already waiting for that municipality,
 * nothing is added and null is returned: it computes the same files, widened
 * to cover what this request asks (the union of two subsets, or everything).
 */
export async function enqueueComputation(db: Kysely<Database>, request: ComputationRequestRow): Promise<ComputationRecord | null> {
  const isShared = await isPostgresCached(db);
  // On the embedded database, requests and claims take turns, so a waiting row is never widened while it is claimed.
  return isShared ? enqueueIn(db, request, true) : oneAtATime(db, () => enqueueIn(db, request, false));
}

async function enqueueIn(db: Kysely<Database>, request: ComputationRequestRow, isShared: boolean): Promise<ComputationRecord | null> {
  const at = (request.requestedAt ?? new Date()).toISOString();
  const wanted = request.indicatorIds === undefined ? null : [...new Set(request.indicatorIds)].sort();
  return db.transaction().execute(async (trx) => {
    let query = trx
      .selectFrom('computations')
      .select(['id', 'status', 'indicator_ids'])
      .where('municipality_id', '=', request.municipalityId)
      .where('status', 'in', request.isSkippedWhileRunning === true ? ['queued', 'running'] : ['queued'])
      .orderBy('requested_at')
      .limit(1);
    // Locked, so a claim on another instance waits until this request has widened the row (or takes it first).
    if (isShared) query = query.forUpdate();
    const waiting = await query.executeTakeFirst();
    if (waiting !== undefined) {
      if (waiting.status !== 'queued' || waiting.indicator_ids === null) return null;
      const covered = fromJsonColumn<string[]>(waiting.indicator_ids);
      const widened = wanted === null ? null : [...new Set([...covered, ...wanted])].sort();
      if (widened === null || widened.length > covered.length) {
        await trx
          .updateTable('computations')
          .set({ indicator_ids: widened === null ? null : toJsonColumn(widened) })
          .where('id', '=', waiting.id)
          .where('status', '=', 'queued')
          .execute();
      }
      return null;
    }
    const row = {
      id: randomUUID(),
      municipality_id: request.municipalityId,
      trigger: request.trigger,
      requested_at: at,
      claimed_by: null,
      started_at: at,
      finished_at: null,
      status: 'queued',
      error: null,
      inputs: null,
      problems: '[]',
      indicator_count: 0,
      failed_count: 0,
      indicator_ids: wanted === null ? null : toJsonColumn(wanted),
    };
    await trx.insertInto('computations').values(row).execute();
    await bumpDataVersion(trx);
    return toRecord(row);
  });
}

/**
 * Claims the oldest waiting computation whose municipality's slot is free, for
 * `owner`: it becomes `running` and the slot holds it. The slot is taken by a
 * conditional update, so across any number of instances a municipality
 * computes one at a time; on PostgreSQL the waiting rows are also read `FOR
 * UPDATE SKIP LOCKED`, so instances do not queue behind each other. Returns
 * null when nothing can be claimed now.
 */
export async function claimNextComputation(
  db: Kysely<Database>,
  claim: { readonly owner: string; readonly now?: Date },
): Promise<ComputationRecord | null> {
  const isShared = await isPostgresCached(db);
  // The embedded database serves one process: its claims take turns rather than race DuckDB's optimistic transactions.
  return isShared ? claimIn(db, claim, true) : oneAtATime(db, () => claimIn(db, claim, false));
}

async function claimIn(
  db: Kysely<Database>,
  claim: { readonly owner: string; readonly now?: Date },
  isShared: boolean,
): Promise<ComputationRecord | null> {
  const now = (claim.now ?? new Date()).toISOString();
  const tried: string[] = [];
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const outcome = await db.transaction().execute(async (trx) => {
      // One waiting row at a time: locking more would keep other instances from the rest.
      let query = trx
        .selectFrom('computations')
        .select(['id', 'municipality_id'])
        .where('status', '=', 'queued')
        .orderBy('requested_at')
        .limit(1);
      if (tried.length > 0) query = query.where('id', 'not in', tried);
      if (isShared) query = query.forUpdate().skipLocked();
      const candidate = await query.executeTakeFirst();
      if (candidate === undefined) return { kind: 'none' } as const;
      tried.push(candidate.id);
      if (!(await takeSlot(trx, candidate.municipality_id, candidate.id, claim.owner, now))) return { kind: 'busy' } as const;
      await trx
        .updateTable('computations')
        .set({ status: 'running', started_at: now, claimed_by: claim.owner })
        .where('id', '=', candidate.id)
        .execute();
      await bumpDataVersion(trx);
      return {
        kind: 'claimed',
        record: toRecord(
          await trx.selectFrom('computations').selectAll().where('id', '=', candidate.id).executeTakeFirstOrThrow(),
        ),
      } as const;
    });
    if (outcome.kind === 'claimed') return outcome.record;
    if (outcome.kind === 'none') return null;
  }
  return null;
}

const turns = new WeakMap<object, Promise<unknown>>();
/** Runs `work` after every earlier call for the same database has settled. */
function oneAtATime<T>(db: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  const key = db.getExecutor();
  const previous = turns.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  turns.set(key, next);
  return next;
}

/** The running computation is alive: its slot's heartbeat moves on. False when the slot is no longer its own (taken over). */
export async function beatComputation(
  db: Kysely<Database>,
  computationId: string,
  owner: string,
  now = new Date(),
): Promise<boolean> {
  const result = await db
    .updateTable('computation_slots')
    .set({ heartbeat_at: now.toISOString() })
    .where('computation_id', '=', computationId)
    .where('owner', '=', owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Takes over the computations whose instance stopped beating before
 * `staleBefore` (killed, or cut off): each is recorded as failed, its slot
 * freed, and a new computation of that municipality queued (`recovery`).
 * Returns the municipalities taken over.
 */
export async function recoverStaleComputations(
  db: Kysely<Database>,
  staleBefore: Date,
  now = new Date(),
): Promise<string[]> {
  const stale = await db
    .selectFrom('computation_slots')
    .select(['municipality_id', 'computation_id', 'owner'])
    .where('computation_id', 'is not', null)
    .where('heartbeat_at', '<', staleBefore.toISOString())
    .execute();
  const recovered: string[] = [];
  for (const slot of stale) {
    const taken = await db.transaction().execute(async (trx) => {
      const freed = await trx
        .updateTable('computation_slots')
        .set({ computation_id: null, owner: null, heartbeat_at: null })
        .where('municipality_id', '=', slot.municipality_id)
        .where('computation_id', '=', slot.computation_id)
        .where('heartbeat_at', '<', staleBefore.toISOString())
        .executeTakeFirst();
      if (Number(freed.numUpdatedRows) !== 1) return null;
      const scope = await trx.selectFrom('computations').select('indicator_ids').where('id', '=', slot.computation_id ?? '').executeTakeFirst();
      await trx
        .updateTable('computations')
        .set({
          status: 'failed',
          finished_at: now.toISOString(),
          error: `de serverinstantie die deze berekening deed (${slot.owner ?? 'onbekend'}) reageert niet meer; een andere neemt het over`,
        })
        .where('id', '=', slot.computation_id ?? '')
        .where('status', '=', 'running')
        .execute();
      // The computation taken over covers what the stopped one did: all indicators, or the same few.
      return { indicatorIds: scope?.indicator_ids == null ? undefined : fromJsonColumn<string[]>(scope.indicator_ids) };
    });
    if (taken === null) continue;
    await enqueueComputation(db, {
      municipalityId: slot.municipality_id,
      trigger: 'recovery',
      requestedAt: now,
      ...(taken.indicatorIds === undefined ? {} : { indicatorIds: taken.indicatorIds }),
    });
    recovered.push(slot.municipality_id);
  }
  return recovered;
}

/** The municipality's slot is held by a computation (or another change) longer than the caller would wait. */
export class ComputationSlotBusyError extends Error {
  constructor(readonly municipalityId: string) {
    super(`the computing slot of ${municipalityId} stayed busy`);
    this.name = 'ComputationSlotBusyError';
  }
}

/**
 * Runs `work` while holding the municipality's computing slot, so that no
 * computation of it, on any instance, reads its workspace meanwhile (a
 * change of several files, such as an import, is then seen whole or not at
 * all). Waits for a running computation to finish, at most `waitMs`, then
 * throws {@link ComputationSlotBusyError}. The hold is a slot entry of its own
 * (`hold:<id>`) with a heartbeat time: should this process die holding it,
 * `recoverStaleComputations` frees it and queues a computation.
 */
export async function holdComputationSlot<T>(
  db: Kysely<Database>,
  hold: { readonly municipalityId: string; readonly owner: string; readonly waitMs: number },
  work: () => Promise<T>,
): Promise<T> {
  const holdId = `hold:${randomUUID()}`;
  const isShared = await isPostgresCached(db);
  const take = async (): Promise<boolean> =>
    db.transaction().execute((trx) => takeSlot(trx, hold.municipalityId, holdId, hold.owner, new Date().toISOString()));
  const giveUpAt = Date.now() + hold.waitMs;
  while (!(await (isShared ? take() : oneAtATime(db, take)))) {
    if (Date.now() >= giveUpAt) throw new ComputationSlotBusyError(hold.municipalityId);
    await new Promise((wait) => setTimeout(wait, 200));
  }
  try {
    return await work();
  } finally {
    await releaseSlot(db, holdId);
  }
}

/** The municipalities with a computation waiting or running, on any instance. */
export async function listBusyMunicipalities(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('computations')
    .select('municipality_id')
    .distinct()
    .where('status', 'in', ['queued', 'running'])
    .orderBy('municipality_id')
    .execute();
  return rows.map((row) => row.municipality_id);
}

/**
 * Takes the municipality's slot for `computationId` when it is free (the row
 * is made on first use), by a conditional update: across any number of
 * instances, one taker wins. Inside the caller's transaction.
 */
async function takeSlot(trx: Kysely<Database>, municipalityId: string, computationId: string, owner: string, now: string): Promise<boolean> {
  await trx
    .insertInto('computation_slots')
    .values({ municipality_id: municipalityId, computation_id: null, owner: null, heartbeat_at: null })
    .onConflict((conflict) => conflict.column('municipality_id').doNothing())
    .execute();
  const taken = await trx
    .updateTable('computation_slots')
    .set({ computation_id: computationId, owner, heartbeat_at: now })
    .where('municipality_id', '=', municipalityId)
    .where('computation_id', 'is', null)
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

/** Frees the municipality's slot that this computation holds (inside the caller's transaction). */
export async function releaseSlot(trx: Kysely<Database>, computationId: string): Promise<void> {
  await trx
    .updateTable('computation_slots')
    .set({ computation_id: null, owner: null, heartbeat_at: null })
    .where('computation_id', '=', computationId)
    .execute();
}

const kinds = new WeakMap<object, Promise<boolean>>();
function isPostgresCached(db: Kysely<Database>): Promise<boolean> {
  const executor = db.getExecutor();
  let kind = kinds.get(executor);
  if (kind === undefined) {
    kind = isPostgres(db as Kysely<unknown>);
    kinds.set(executor, kind);
  }
  return kind;
}
