import { randomUUID } from 'node:crypto';
import type { SourceFormat, SourceJob, SourceJobKind, SourceJobState, SourceJobStep, SourcePreview, SourceProblem } from '@koers/domain';
import type { Kysely, Selectable } from 'kysely';
import type { Database, SourceJobTable } from '../database';
import { fromJsonColumn, toJsonColumn } from './json-column';

/** A job as stored: what the dashboard sees, and what only the server needs (the waiting file, the instance). */
export interface StoredSourceJob extends SourceJob {
  /** The uploaded file while it waits, relative to the municipality's folder of kept versions. */
  readonly uploadFile: string | null;
  /** The server instance running it. */
  readonly owner: string | null;
}

/** What a job's next step changes. */
export interface SourceJobChange {
  readonly state?: SourceJobState;
  readonly sourceId?: string | null;
  readonly format?: SourceFormat | null;
  readonly sizeBytes?: number | null;
  readonly sha256?: string | null;
  readonly uploadFile?: string | null;
  readonly preview?: SourcePreview | null;
  readonly version?: number | null;
  readonly rowCount?: number | null;
  readonly problem?: SourceProblem | null;
}

/** States in which a job is still at work (not waiting for a person, not finished). */
export const workingSourceJobStates: readonly SourceJobState[] = ['received', 'previewing', 'loading', 'computing'];

/** Starts a job in its first state (`received` unless said otherwise). */
export async function createSourceJob(
  db: Kysely<Database>,
  job: {
    readonly id?: string;
    readonly municipalityId: string;
    readonly sourceId: string | null;
    readonly kind: SourceJobKind;
    readonly createdBy: string;
    readonly owner: string | null;
    readonly state?: SourceJobState;
    readonly at?: Date;
  } & SourceJobChange,
): Promise<StoredSourceJob> {
  const at = (job.at ?? new Date()).toISOString();
  const state = job.state ?? 'received';
  const row: Selectable<SourceJobTable> = {
    id: job.id ?? randomUUID(),
    municipality_id: job.municipalityId,
    source_id: job.sourceId,
    kind: job.kind,
    state,
    format: job.format ?? null,
    size_bytes: job.sizeBytes ?? null,
    sha256: job.sha256 ?? null,
    upload_file: job.uploadFile ?? null,
    preview: job.preview === undefined || job.preview === null ? null : toJsonColumn(job.preview),
    version: job.version ?? null,
    row_count: job.rowCount ?? null,
    problem: job.problem === undefined || job.problem === null ? null : toJsonColumn(job.problem),
    steps: toJsonColumn([{ state, at }] satisfies SourceJobStep[]),
    owner: job.owner,
    created_by: job.createdBy,
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('source_jobs').values(row).execute();
  return toJob(row);
}

/**
 * Moves a job on: the fields given change, and a new state is added to its
 * steps with the time. Returns the job as it is now; undefined when there is none.
 */
export async function updateSourceJob(db: Kysely<Database>, jobId: string, change: SourceJobChange, at = new Date()): Promise<StoredSourceJob | undefined> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('source_jobs').selectAll().where('id', '=', jobId).executeTakeFirst();
    if (current === undefined) return undefined;
    const steps = fromJsonColumn<SourceJobStep[]>(current.steps, []);
    if (change.state !== undefined && change.state !== current.state) steps.push({ state: change.state, at: at.toISOString() });
    const set: Partial<Selectable<SourceJobTable>> = { steps: toJsonColumn(steps), updated_at: at.toISOString() };
    if (change.state !== undefined) set.state = change.state;
    if (change.sourceId !== undefined) set.source_id = change.sourceId;
    if (change.format !== undefined) set.format = change.format;
    if (change.sizeBytes !== undefined) set.size_bytes = change.sizeBytes;
    if (change.sha256 !== undefined) set.sha256 = change.sha256;
    if (change.uploadFile !== undefined) set.upload_file = change.uploadFile;
    if (change.preview !== undefined) set.preview = change.preview === null ? null : toJsonColumn(change.preview);
    if (change.version !== undefined) set.version = change.version;
    if (change.rowCount !== undefined) set.row_count = change.rowCount;
    if (change.problem !== undefined) set.problem = change.problem === null ? null : toJsonColumn(change.problem);
    await trx.updateTable('source_jobs').set(set).where('id', '=', jobId).execute();
    return toJob({ ...current, ...set });
  });
}

/** One job of a municipality, or undefined. */
export async function findSourceJob(db: Kysely<Database>, municipalityId: string, jobId: string): Promise<StoredSourceJob | undefined> {
  const row = await db.selectFrom('source_jobs').selectAll().where('id', '=', jobId).where('municipality_id', '=', municipalityId).executeTakeFirst();
  return row === undefined ? undefined : toJob(row);
}

/** The latest jobs of a municipality (of one source, when given), newest first. */
export async function listSourceJobs(
  db: Kysely<Database>,
  municipalityId: string,
  options: { readonly sourceId?: string; readonly limit?: number } = {},
): Promise<StoredSourceJob[]> {
  let query = db.selectFrom('source_jobs').selectAll().where('municipality_id', '=', municipalityId);
  if (options.sourceId !== undefined) query = query.where('source_id', '=', options.sourceId);
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit ?? 20)
    .execute();
  return rows.map(toJob);
}

/**
 * Fails the jobs still at work that have not moved since `updatedBefore` (a
 * stopped server's), and the previews nobody confirmed since `previewedBefore`;
 * returns them, so their waiting files can be removed.
 */
export async function failStaleSourceJobs(
  db: Kysely<Database>,
  stale: { readonly updatedBefore: Date; readonly previewedBefore: Date; readonly message: string; readonly expiredMessage: string },
): Promise<StoredSourceJob[]> {
  const rows = await db
    .selectFrom('source_jobs')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('state', 'in', [...workingSourceJobStates]), eb('updated_at', '<', stale.updatedBefore.toISOString())]),
        eb.and([eb('state', '=', 'previewed'), eb('updated_at', '<', stale.previewedBefore.toISOString())]),
      ]),
    )
    .execute();
  const failed: StoredSourceJob[] = [];
  for (const row of rows) {
    const message = row.state === 'previewed' ? stale.expiredMessage : stale.message;
    const job = await updateSourceJob(db, row.id, { state: 'failed', problem: { file: row.source_id === null ? 'upload' : `sources/${row.source_id}.yaml`, message } });
    if (job !== undefined) failed.push(job);
  }
  return failed;
}

function toJob(row: Selectable<SourceJobTable>): StoredSourceJob {
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    sourceId: row.source_id,
    kind: row.kind as SourceJobKind,
    state: row.state as SourceJobState,
    format: row.format as SourceFormat | null,
    sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
    sha256: row.sha256,
    preview: fromJsonColumn<SourcePreview | null>(row.preview, null),
    version: row.version === null ? null : Number(row.version),
    rowCount: row.row_count === null ? null : Number(row.row_count),
    problem: fromJsonColumn<SourceProblem | null>(row.problem, null),
    steps: fromJsonColumn<SourceJobStep[]>(row.steps, []),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    uploadFile: row.upload_file,
    owner: row.owner,
  };
}
