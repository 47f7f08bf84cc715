import type { SourceFormat, SourceVersionRecord } from '@koers/domain';
import type { Kysely, Selectable } from 'kysely';
import type { Database, SourceVersionTable } from '../database';
import { recordAudit } from './audit-log.repository';

/** A kept version as stored: the record the history shows, and where its file is. */
export interface KeptSourceVersion extends Omit<SourceVersionRecord, 'isServing'> {
  /** The immutable file, relative to the municipality's folder of kept versions. */
  readonly keptFile: string;
  /** The job that brought it; null for the workspace's own file kept before the first upload. */
  readonly jobId: string | null;
}

/** A version to keep; it gets the next number of its source. */
export interface NewSourceVersion {
  readonly municipalityId: string;
  readonly sourceId: string;
  readonly sha256: string;
  readonly rowCount: number | null;
  readonly sizeBytes: number;
  readonly format: SourceFormat;
  readonly keptFile: string;
  /** Who brought it (an e-mail address, or `werkmap`). */
  readonly uploadedBy: string;
  readonly uploadedAt?: Date;
  readonly jobId?: string | null;
}

/**
 * Records a kept version with the next number of its source, and its audit
 * entry, in one transaction. Two at once for one source: the loser of the
 * primary key tries again with the number after.
 */
export async function recordSourceVersion(db: Kysely<Database>, version: NewSourceVersion): Promise<KeptSourceVersion> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      return await db.transaction().execute(async (trx) => {
        const latest = await trx
          .selectFrom('source_versions')
          .select((eb) => eb.fn.max('version').as('latest'))
          .where('municipality_id', '=', version.municipalityId)
          .where('source_id', '=', version.sourceId)
          .executeTakeFirst();
        const row: Selectable<SourceVersionTable> = {
          municipality_id: version.municipalityId,
          source_id: version.sourceId,
          version: Number(latest?.latest ?? 0) + 1,
          sha256: version.sha256,
          row_count: version.rowCount,
          size_bytes: version.sizeBytes,
          format: version.format,
          kept_file: version.keptFile,
          uploaded_by: version.uploadedBy,
          uploaded_at: (version.uploadedAt ?? new Date()).toISOString(),
          job_id: version.jobId ?? null,
        };
        await trx.insertInto('source_versions').values(row).execute();
        const kept = toKept(row);
        await recordAudit(trx, {
          actor: version.uploadedBy,
          municipalityId: version.municipalityId,
          entity: 'source',
          entityId: version.sourceId,
          action: 'keep_version',
          before: null,
          after: { version: kept.version, sha256: kept.sha256, rowCount: kept.rowCount, sizeBytes: kept.sizeBytes, format: kept.format },
        });
        return kept;
      });
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/** The kept versions of a source, newest first. */
export async function listSourceVersions(db: Kysely<Database>, municipalityId: string, sourceId: string): Promise<KeptSourceVersion[]> {
  const rows = await db
    .selectFrom('source_versions')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('source_id', '=', sourceId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toKept);
}

/** The kept versions of every source of a municipality, newest first per source. */
export async function listMunicipalitySourceVersions(db: Kysely<Database>, municipalityId: string): Promise<KeptSourceVersion[]> {
  const rows = await db
    .selectFrom('source_versions')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('source_id')
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toKept);
}

/** One kept version, or undefined. */
export async function findSourceVersion(db: Kysely<Database>, municipalityId: string, sourceId: string, version: number): Promise<KeptSourceVersion | undefined> {
  const row = await db
    .selectFrom('source_versions')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('source_id', '=', sourceId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row === undefined ? undefined : toKept(row);
}

function toKept(row: Selectable<SourceVersionTable>): KeptSourceVersion {
  return {
    municipalityId: row.municipality_id,
    sourceId: row.source_id,
    version: Number(row.version),
    sha256: row.sha256,
    rowCount: row.row_count === null ? null : Number(row.row_count),
    sizeBytes: Number(row.size_bytes),
    format: row.format as SourceFormat,
    keptFile: row.kept_file,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
    jobId: row.job_id,
  };
}
