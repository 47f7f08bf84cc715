import type {
  ActionProgress,
  ExceptionKind,
  ExplanationFields,
  PublishedVersion,
  ReportChangeResult,
  ReportExplanation,
  ReportRecord,
  ReportSettings,
  ReportSnapshot,
  ReportStatus,
} from '@koers/domain';
import type { Kysely, Selectable } from 'kysely';
import type { Database, ReportTable } from '../database';
import { recordAudit } from './audit-log.repository';
import { bumpDataVersion } from './data-version.repository';
import { fromJsonColumn, toJsonColumn } from './json-column';
import { listLatestProgress } from './progress.repository';

/** Who changes a report: their e-mail address (the audit trail's actor) and name (shown with what they wrote). */
export interface ReportActor {
  readonly email: string;
  readonly name: string;
}

const refused = (message: string): ReportChangeResult<never> => ({ status: 'refused', message });

/** Every report of a municipality with its published versions, newest quarter first. */
export async function listReports(db: Kysely<Database>, municipalityId: string): Promise<ReportRecord[]> {
  const [rows, versions] = await Promise.all([
    db.selectFrom('reports').selectAll().where('municipality_id', '=', municipalityId).orderBy('quarter', 'desc').execute(),
    db
      .selectFrom('report_versions')
      .select(['quarter', 'version', 'published_at', 'published_by', 'correction_reason'])
      .where('municipality_id', '=', municipalityId)
      .orderBy('quarter')
      .orderBy('version')
      .execute(),
  ]);
  const byQuarter = new Map<string, PublishedVersion[]>();
  for (const version of versions) {
    const list = byQuarter.get(version.quarter) ?? [];
    list.push({ version: Number(version.version), publishedAt: version.published_at, publishedBy: version.published_by, correctionReason: version.correction_reason });
    byQuarter.set(version.quarter, list);
  }
  return rows.map((row) => toRecord(row, byQuarter.get(row.quarter) ?? []));
}

/** One quarter's report, or null when the quarter has none. */
export async function findReport(db: Kysely<Database>, municipalityId: string, quarter: string): Promise<ReportRecord | null> {
  const row = await db.selectFrom('reports').selectAll().where('municipality_id', '=', municipalityId).where('quarter', '=', quarter).executeTakeFirst();
  if (row === undefined) return null;
  const versions = await db
    .selectFrom('report_versions')
    .select(['version', 'published_at', 'published_by', 'correction_reason'])
    .where('municipality_id', '=', municipalityId)
    .where('quarter', '=', quarter)
    .orderBy('version')
    .execute();
  return toRecord(
    row,
    versions.map((version) => ({ version: Number(version.version), publishedAt: version.published_at, publishedBy: version.published_by, correctionReason: version.correction_reason })),
  );
}

/** A published version as it was frozen, or null. */
export async function readReportSnapshot(db: Kysely<Database>, municipalityId: string, quarter: string, version: number): Promise<ReportSnapshot | null> {
  const row = await db
    .selectFrom('report_versions')
    .select('snapshot')
    .where('municipality_id', '=', municipalityId)
    .where('quarter', '=', quarter)
    .where('version', '=', version)
    .executeTakeFirst();
  return row === undefined ? null : fromJsonColumn<ReportSnapshot>(row.snapshot);
}

/** The explanations of one version of a report. */
export async function listExplanations(db: Kysely<Database>, municipalityId: string, quarter: string, version: number): Promise<ReportExplanation[]> {
  const rows = await db
    .selectFrom('report_explanations')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('quarter', '=', quarter)
    .where('version', '=', version)
    .orderBy('item_kind')
    .orderBy('item_id')
    .execute();
  return rows.map((row) => ({
    // Only saveExplanation writes this column, from a typed ExceptionKind.
    itemKind: row.item_kind as ExceptionKind,
    itemId: row.item_id,
    cause: row.cause,
    consequence: row.consequence,
    correction: row.correction,
    authorName: row.author_name,
    writtenAt: row.written_at,
  }));
}

/** Per action, its latest progress update of `quarter` or before. */
export function listProgressAsOf(db: Kysely<Database>, municipalityId: string, quarter: string): Promise<ActionProgress[]> {
  return listLatestProgress(db, municipalityId, quarter);
}

/** Whether the municipality's published reports are public; not until it says so. */
export async function readReportSettings(db: Kysely<Database>, municipalityId: string): Promise<ReportSettings> {
  const row = await db.selectFrom('report_settings').select('is_public').where('municipality_id', '=', municipalityId).executeTakeFirst();
  return { isPublic: row?.is_public === true };
}

/** Starts a quarter's report as a draft of version 1; refused when the quarter has one. */
export async function openReport(db: Kysely<Database>, municipalityId: string, quarter: string, by: ReportActor, at = new Date()): Promise<ReportChangeResult<ReportRecord>> {
  return changeReport(db, municipalityId, quarter, async (trx, current) => {
    if (current !== undefined) return refused(`De rapportage over ${quarter} bestaat al (${statusWords[current.status as ReportStatus]}).`);
    const row: ReportTable = {
      municipality_id: municipalityId,
      quarter,
      status: 'draft',
      version: 1,
      correction_reason: null,
      opened_by: by.name,
      opened_at: at.toISOString(),
      approved_by: null,
      approved_at: null,
    };
    await trx.insertInto('reports').values(row).execute();
    await recordAudit(trx, { actor: by.email, municipalityId, entity: 'report', entityId: quarter, action: 'open', before: null, after: { status: 'draft', version: 1 }, occurredAt: at });
    return null;
  });
}

/** Writes (or rewrites) the explanation of an exception in the draft; refused unless the report is a draft. */
export async function saveExplanation(
  db: Kysely<Database>,
  municipalityId: string,
  quarter: string,
  item: { readonly kind: ExceptionKind; readonly id: string },
  fields: ExplanationFields,
  by: ReportActor,
  at = new Date(),
): Promise<ReportChangeResult<ReportExplanation>> {
  let saved: ReportExplanation | undefined;
  const result = await changeReport(db, municipalityId, quarter, async (trx, current) => {
    if (current === undefined) return refused(`Er is geen rapportage over ${quarter}: open die eerst.`);
    if (current.status !== 'draft') return refused(`De rapportage over ${quarter} is ${statusWords[current.status as ReportStatus]}: alleen een concept kan worden toegelicht. Trek de goedkeuring eerst in, of maak een correctie.`);
    const key = { municipality_id: municipalityId, quarter, version: Number(current.version), item_kind: item.kind, item_id: item.id };
    const before = await trx
      .selectFrom('report_explanations')
      .select(['cause', 'consequence', 'correction'])
      .where('municipality_id', '=', key.municipality_id)
      .where('quarter', '=', key.quarter)
      .where('version', '=', key.version)
      .where('item_kind', '=', key.item_kind)
      .where('item_id', '=', key.item_id)
      .executeTakeFirst();
    const values = { ...fields, author_email: by.email, author_name: by.name, written_at: at.toISOString() };
    await trx
      .insertInto('report_explanations')
      .values({ ...key, ...values })
      .onConflict((conflict) =>
        conflict.columns(['municipality_id', 'quarter', 'version', 'item_kind', 'item_id']).doUpdateSet({
          cause: values.cause,
          consequence: values.consequence,
          correction: values.correction,
          author_email: values.author_email,
          author_name: values.author_name,
          written_at: values.written_at,
        }),
      )
      .execute();
    await recordAudit(trx, {
      actor: by.email,
      municipalityId,
      entity: 'report_explanation',
      entityId: `${quarter}/${item.kind}/${item.id}`,
      action: before === undefined ? 'create' : 'update',
      before: before ?? null,
      after: fields,
      occurredAt: at,
    });
    saved = { itemKind: item.kind, itemId: item.id, ...fields, authorName: by.name, writtenAt: values.written_at };
    return null;
  });
  return result.status === 'refused' ? result : { status: 'done', value: saved as ReportExplanation };
}

/** Draft → approved. */
export function approveReport(db: Kysely<Database>, municipalityId: string, quarter: string, by: ReportActor, at = new Date()): Promise<ReportChangeResult<ReportRecord>> {
  return moveReport(db, municipalityId, quarter, 'draft', by, at, 'approve', { status: 'approved', approved_by: by.name, approved_at: at.toISOString() });
}

/** Approved → draft. */
export function withdrawApproval(db: Kysely<Database>, municipalityId: string, quarter: string, by: ReportActor, at = new Date()): Promise<ReportChangeResult<ReportRecord>> {
  return moveReport(db, municipalityId, quarter, 'approved', by, at, 'withdraw_approval', { status: 'draft', approved_by: null, approved_at: null });
}

/**
 * Approved → published: the snapshot becomes the version, a row that is only
 * ever read from then on. The snapshot's version must be the one under way.
 */
export async function publishReport(
  db: Kysely<Database>,
  municipalityId: string,
  quarter: string,
  snapshot: ReportSnapshot,
  by: ReportActor,
  at = new Date(),
): Promise<ReportChangeResult<ReportRecord>> {
  return changeReport(db, municipalityId, quarter, async (trx, current) => {
    if (current === undefined) return refused(`Er is geen rapportage over ${quarter}.`);
    if (current.status !== 'approved') return refused(`De rapportage over ${quarter} is ${statusWords[current.status as ReportStatus]}: alleen een goedgekeurde rapportage kan worden gepubliceerd.`);
    if (snapshot.version !== Number(current.version) || snapshot.quarter !== quarter) {
      return refused(`De rapportage over ${quarter} staat op versie ${current.version}, niet op versie ${snapshot.version}: laad de pagina opnieuw.`);
    }
    await trx
      .insertInto('report_versions')
      .values({
        municipality_id: municipalityId,
        quarter,
        version: snapshot.version,
        published_at: snapshot.publishedAt,
        published_by: snapshot.publishedBy ?? by.name,
        correction_reason: snapshot.correctionReason,
        snapshot: toJsonColumn(snapshot),
      })
      .execute();
    await trx.updateTable('reports').set({ status: 'published' }).where('municipality_id', '=', municipalityId).where('quarter', '=', quarter).execute();
    await recordAudit(trx, {
      actor: by.email,
      municipalityId,
      entity: 'report',
      entityId: quarter,
      action: 'publish',
      before: { status: 'approved', version: snapshot.version },
      after: { status: 'published', version: snapshot.version, indicators: snapshot.indicators.length },
      occurredAt: at,
    });
    return null;
  });
}

/** Published → a draft of the next version, with why; the published version's explanations carry over to it. */
export async function startCorrection(db: Kysely<Database>, municipalityId: string, quarter: string, reason: string, by: ReportActor, at = new Date()): Promise<ReportChangeResult<ReportRecord>> {
  return changeReport(db, municipalityId, quarter, async (trx, current) => {
    if (current === undefined) return refused(`Er is geen rapportage over ${quarter}.`);
    if (current.status !== 'published') return refused(`De rapportage over ${quarter} is ${statusWords[current.status as ReportStatus]}: alleen een gepubliceerde rapportage wordt gecorrigeerd; pas het concept zelf aan.`);
    const published = Number(current.version);
    const next = published + 1;
    const explanations = await trx
      .selectFrom('report_explanations')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('quarter', '=', quarter)
      .where('version', '=', published)
      .execute();
    if (explanations.length > 0) await trx.insertInto('report_explanations').values(explanations.map((row) => ({ ...row, version: next }))).execute();
    await trx
      .updateTable('reports')
      .set({ status: 'draft', version: next, correction_reason: reason, approved_by: null, approved_at: null })
      .where('municipality_id', '=', municipalityId)
      .where('quarter', '=', quarter)
      .execute();
    await recordAudit(trx, {
      actor: by.email,
      municipalityId,
      entity: 'report',
      entityId: quarter,
      action: 'correct',
      before: { status: 'published', version: published },
      after: { status: 'draft', version: next, correctionReason: reason },
      occurredAt: at,
    });
    return null;
  });
}

/** Makes the municipality's published reports public, or not. */
export async function saveReportSettings(db: Kysely<Database>, municipalityId: string, settings: ReportSettings, by: ReportActor, at = new Date()): Promise<ReportSettings> {
  await db.transaction().execute(async (trx) => {
    const before = await readReportSettings(trx, municipalityId);
    await trx
      .insertInto('report_settings')
      .values({ municipality_id: municipalityId, is_public: settings.isPublic, changed_by: by.email, changed_at: at.toISOString() })
      .onConflict((conflict) => conflict.column('municipality_id').doUpdateSet({ is_public: settings.isPublic, changed_by: by.email, changed_at: at.toISOString() }))
      .execute();
    await recordAudit(trx, { actor: by.email, municipalityId, entity: 'report_settings', entityId: municipalityId, action: 'update', before, after: settings, occurredAt: at });
    await bumpDataVersion(trx);
  });
  return settings;
}

const statusWords: Readonly<Record<ReportStatus, string>> = { draft: 'een concept', approved: 'goedgekeurd', published: 'gepubliceerd' };

/** Moves a report from `from` to the row values given, with an audit record; refused when it does not stand at `from`. */
function moveReport(
  db: Kysely<Database>,
  municipalityId: string,
  quarter: string,
  from: ReportStatus,
  by: ReportActor,
  at: Date,
  action: string,
  set: Partial<Pick<ReportTable, 'status' | 'approved_by' | 'approved_at'>>,
): Promise<ReportChangeResult<ReportRecord>> {
  return changeReport(db, municipalityId, quarter, async (trx, current) => {
    if (current === undefined) return refused(`Er is geen rapportage over ${quarter}.`);
    if (current.status !== from) return refused(`De rapportage over ${quarter} is ${statusWords[current.status as ReportStatus]}, niet ${statusWords[from]}: laad de pagina opnieuw.`);
    await trx.updateTable('reports').set(set).where('municipality_id', '=', municipalityId).where('quarter', '=', quarter).execute();
    await recordAudit(trx, { actor: by.email, municipalityId, entity: 'report', entityId: quarter, action, before: { status: from }, after: { status: set.status }, occurredAt: at });
    return null;
  });
}

/**
 * Runs a change of one report in a transaction, with the report's row as it
 * stands; a refusal rolls everything back. Resolves to the report afterwards.
 */
async function changeReport(
  db: Kysely<Database>,
  municipalityId: string,
  quarter: string,
  change: (trx: Kysely<Database>, current: Selectable<ReportTable> | undefined) => Promise<ReportChangeResult<never> | null>,
): Promise<ReportChangeResult<ReportRecord>> {
  const refusal = new RefusedChange();
  try {
    await db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom('reports').selectAll().where('municipality_id', '=', municipalityId).where('quarter', '=', quarter).executeTakeFirst();
      const outcome = await change(trx, current);
      if (outcome !== null && outcome.status === 'refused') {
        refusal.message = outcome.message;
        throw refusal;
      }
      await bumpDataVersion(trx);
    });
  } catch (error) {
    if (error === refusal) return refused(refusal.message);
    throw error;
  }
  const record = await findReport(db, municipalityId, quarter);
  return { status: 'done', value: record as ReportRecord };
}

/** Thrown inside a transaction to roll it back on a refusal. */
class RefusedChange extends Error {
  override message = '';
}

function toRecord(row: Selectable<ReportTable>, publishedVersions: readonly PublishedVersion[]): ReportRecord {
  return {
    municipalityId: row.municipality_id,
    quarter: row.quarter,
    // Only this file writes the column, from a typed ReportStatus.
    status: row.status as ReportStatus,
    version: Number(row.version),
    correctionReason: row.correction_reason,
    openedBy: row.opened_by,
    openedAt: row.opened_at,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    publishedVersions,
  };
}
