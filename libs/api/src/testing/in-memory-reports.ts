import {
  type ActionProgress,
  type ExceptionKind,
  type ExplanationFields,
  type Motion,
  type MotionInput,
  type MotionResponseInput,
  type QuestionItem,
  type ReportCatalog,
  type ReportChangeResult,
  type ReportCommands,
  type ReportCommentary,
  type ReportCommentarySource,
  type ReportExplanation,
  type ReportQuestion,
  type ReportRecord,
  type ReportSettings,
  type ReportSnapshot,
  type ReportStatus,
  type Viewer,
} from '@koers/domain';
import { listExceptions } from '../lib/reports/report-exceptions';
import { buildReportSnapshot } from '../lib/reports/report-snapshot.builder';
import type { InMemoryCatalog } from './in-memory-catalog';

/** What in-memory reports hold; keys of `records` are `<municipality>:<quarter>`. */
export interface ReportContents {
  readonly records: Map<string, ReportRecord>;
  /** By `<municipality>:<quarter>:<version>`. */
  readonly snapshots: Map<string, ReportSnapshot>;
  readonly explanations: (ReportExplanation & { readonly municipalityId: string; readonly quarter: string; readonly version: number })[];
  readonly motions: Motion[];
  readonly questions: (ReportQuestion & { readonly municipalityId: string })[];
  readonly settings: Map<string, ReportSettings>;
  /** Progress of earlier quarters, besides the catalog's latest. */
  readonly progressHistory: Readonly<Record<string, readonly ActionProgress[]>>;
  /** The college's commentary per effect per quarter. */
  readonly commentary: Readonly<Record<string, readonly ReportCommentary[]>>;
}

const refused = (message: string): ReportChangeResult<never> => ({ status: 'refused', message });
const key = (...parts: (string | number)[]) => parts.join(':');

/**
 * Reports, motions and questions in memory, for tests of the real
 * `appRouter` (here and in the dashboard): the `ReportCatalog`,
 * `ReportCommands` and `ReportCommentarySource` ports over the programs and
 * indicators of an {@link InMemoryCatalog}, refusing what the database
 * refuses. `audit` lists every change as `entity:action:id`.
 */
export class InMemoryReports implements ReportCatalog, ReportCommands, ReportCommentarySource {
  readonly audit: string[] = [];
  private questionCount = 0;

  constructor(
    private readonly catalog: InMemoryCatalog,
    private readonly now: () => Date = () => new Date(),
    public contents: ReportContents = emptyReportContents(),
  ) {}

  async listReports(municipalityId: string): Promise<readonly ReportRecord[]> {
    return [...this.contents.records.values()].filter((record) => record.municipalityId === municipalityId).sort((left, right) => right.quarter.localeCompare(left.quarter));
  }

  async findReport(municipalityId: string, quarter: string): Promise<ReportRecord | null> {
    return this.contents.records.get(key(municipalityId, quarter)) ?? null;
  }

  async readSnapshot(municipalityId: string, quarter: string, version: number): Promise<ReportSnapshot | null> {
    const snapshot = this.contents.snapshots.get(key(municipalityId, quarter, version));
    // A copy, as the database would give: nothing the caller does reaches what is stored.
    return snapshot === undefined ? null : (JSON.parse(JSON.stringify(snapshot)) as ReportSnapshot);
  }

  async listExplanations(municipalityId: string, quarter: string, version: number): Promise<readonly ReportExplanation[]> {
    return this.contents.explanations
      .filter((entry) => entry.municipalityId === municipalityId && entry.quarter === quarter && entry.version === version)
      .map((entry): ReportExplanation => ({ itemKind: entry.itemKind, itemId: entry.itemId, cause: entry.cause, consequence: entry.consequence, correction: entry.correction, authorName: entry.authorName, writtenAt: entry.writtenAt }));
  }

  async listProgressAsOf(municipalityId: string, quarter: string): Promise<readonly ActionProgress[]> {
    const all = [...(this.contents.progressHistory[municipalityId] ?? []), ...(this.catalog.contents.progress?.[municipalityId] ?? [])];
    const latest = new Map<string, ActionProgress>();
    for (const update of all.filter((entry) => entry.quarter <= quarter).sort((left, right) => left.quarter.localeCompare(right.quarter))) latest.set(update.actionId, update);
    return [...latest.values()];
  }

  async listMotions(municipalityId: string): Promise<readonly Motion[]> {
    return this.contents.motions.filter((motion) => motion.municipalityId === municipalityId).sort((left, right) => left.adoptedOn.localeCompare(right.adoptedOn));
  }

  async listQuestions(municipalityId: string, quarter: string): Promise<readonly ReportQuestion[]> {
    return this.contents.questions.filter((question) => question.municipalityId === municipalityId && question.quarter === quarter).map(asStoredQuestion);
  }

  async readSettings(municipalityId: string): Promise<ReportSettings> {
    return this.contents.settings.get(municipalityId) ?? { isPublic: false };
  }

  async listCommentary(municipalityId: string, quarter: string): Promise<readonly ReportCommentary[]> {
    return (this.contents.commentary[municipalityId] ?? []).filter((entry) => entry.quarter === quarter);
  }

  async open(municipalityId: string, quarter: string, by: Viewer): Promise<ReportChangeResult<ReportRecord>> {
    if (this.contents.records.has(key(municipalityId, quarter))) return refused(`De rapportage over ${quarter} bestaat al.`);
    const record: ReportRecord = {
      municipalityId,
      quarter,
      status: 'draft',
      version: 1,
      correctionReason: null,
      openedBy: by.name,
      openedAt: this.now().toISOString(),
      approvedBy: null,
      approvedAt: null,
      publishedVersions: [],
    };
    return this.store(record, 'open');
  }

  async saveExplanation(
    municipalityId: string,
    quarter: string,
    item: { readonly kind: ExceptionKind; readonly id: string },
    fields: ExplanationFields,
    by: Viewer,
  ): Promise<ReportChangeResult<ReportExplanation>> {
    const record = this.contents.records.get(key(municipalityId, quarter));
    if (record?.status !== 'draft') return refused(`De rapportage over ${quarter} is geen concept: alleen een concept kan worden toegelicht.`);
    const explanation: ReportExplanation = { itemKind: item.kind, itemId: item.id, ...fields, authorName: by.name, writtenAt: this.now().toISOString() };
    const others = this.contents.explanations.filter(
      (entry) => !(entry.municipalityId === municipalityId && entry.quarter === quarter && entry.version === record.version && entry.itemKind === item.kind && entry.itemId === item.id),
    );
    this.contents.explanations.splice(0, this.contents.explanations.length, ...others, { municipalityId, quarter, version: record.version, ...explanation });
    this.audit.push(`report_explanation:save:${quarter}/${item.kind}/${item.id}`);
    return { status: 'done', value: explanation };
  }

  approve(municipalityId: string, quarter: string, by: Viewer): Promise<ReportChangeResult<ReportRecord>> {
    return this.move(municipalityId, quarter, 'draft', { status: 'approved', approvedBy: by.name, approvedAt: this.now().toISOString() }, 'approve');
  }

  withdrawApproval(municipalityId: string, quarter: string): Promise<ReportChangeResult<ReportRecord>> {
    return this.move(municipalityId, quarter, 'approved', { status: 'draft', approvedBy: null, approvedAt: null }, 'withdraw_approval');
  }

  async publish(municipalityId: string, quarter: string, snapshot: ReportSnapshot, by: Viewer): Promise<ReportChangeResult<ReportRecord>> {
    const record = this.contents.records.get(key(municipalityId, quarter));
    if (record?.status !== 'approved') return refused(`De rapportage over ${quarter} is niet goedgekeurd: alleen een goedgekeurde rapportage kan worden gepubliceerd.`);
    if (snapshot.version !== record.version) return refused(`De rapportage over ${quarter} staat op versie ${record.version}.`);
    this.contents.snapshots.set(key(municipalityId, quarter, snapshot.version), JSON.parse(JSON.stringify(snapshot)) as ReportSnapshot);
    return this.store(
      {
        ...record,
        status: 'published',
        publishedVersions: [
          ...record.publishedVersions,
          { version: snapshot.version, publishedAt: snapshot.publishedAt, publishedBy: snapshot.publishedBy ?? by.name, correctionReason: snapshot.correctionReason },
        ],
      },
      'publish',
    );
  }

  async startCorrection(municipalityId: string, quarter: string, reason: string): Promise<ReportChangeResult<ReportRecord>> {
    const record = this.contents.records.get(key(municipalityId, quarter));
    if (record?.status !== 'published') return refused(`De rapportage over ${quarter} is niet gepubliceerd: pas het concept zelf aan.`);
    const next = record.version + 1;
    const carried = this.contents.explanations.filter((entry) => entry.municipalityId === municipalityId && entry.quarter === quarter && entry.version === record.version);
    this.contents.explanations.push(...carried.map((entry) => ({ ...entry, version: next })));
    return this.store({ ...record, status: 'draft', version: next, correctionReason: reason, approvedBy: null, approvedAt: null }, 'correct');
  }

  async setPublic(municipalityId: string, isPublic: boolean): Promise<ReportSettings> {
    this.contents.settings.set(municipalityId, { isPublic });
    this.audit.push(`report_settings:update:${municipalityId}`);
    return { isPublic };
  }

  async saveMotion(municipalityId: string, motion: MotionInput): Promise<Motion> {
    const existing = this.contents.motions.findIndex((candidate) => candidate.municipalityId === municipalityId && candidate.id === motion.id);
    const saved: Motion = { ...motion, municipalityId, responses: existing === -1 ? [] : (this.contents.motions[existing]?.responses ?? []) };
    if (existing === -1) this.contents.motions.push(saved);
    else this.contents.motions.splice(existing, 1, saved);
    this.audit.push(`motion:${existing === -1 ? 'create' : 'update'}:${motion.id}`);
    return saved;
  }

  async saveMotionResponse(municipalityId: string, response: MotionResponseInput, by: Viewer): Promise<ReportChangeResult<Motion>> {
    const index = this.contents.motions.findIndex((candidate) => candidate.municipalityId === municipalityId && candidate.id === response.motionId);
    const motion = this.contents.motions[index];
    if (motion === undefined) return refused(`Motie "${response.motionId}" bestaat niet in deze gemeente.`);
    if (!motion.points.some((point) => point.number === response.pointNumber)) return refused(`Motie "${response.motionId}" heeft geen punt ${response.pointNumber}.`);
    const responses = [
      ...motion.responses.filter((entry) => !(entry.pointNumber === response.pointNumber && entry.quarter === response.quarter)),
      { ...response, authorName: by.name, writtenAt: this.now().toISOString() },
    ].sort((left, right) => left.quarter.localeCompare(right.quarter) || left.pointNumber - right.pointNumber);
    const saved = { ...motion, responses };
    this.contents.motions.splice(index, 1, saved);
    this.audit.push(`motion_response:save:${response.motionId}/${response.pointNumber}/${response.quarter}`);
    return { status: 'done', value: saved };
  }

  async askQuestion(
    municipalityId: string,
    question: { readonly quarter: string; readonly item: QuestionItem; readonly itemTitle: string; readonly text: string },
    by: Viewer,
  ): Promise<ReportQuestion> {
    this.questionCount += 1;
    const asked: ReportQuestion = {
      id: `vraag-${municipalityId}-nieuw-${this.questionCount}`,
      quarter: question.quarter,
      itemKind: question.item.kind,
      itemId: question.item.id,
      itemTitle: question.itemTitle,
      question: question.text,
      askedBy: by.name,
      askedAt: this.now().toISOString(),
      answer: null,
    };
    this.contents.questions.push({ municipalityId, ...asked });
    this.audit.push(`report_question:ask:${asked.id}`);
    return asked;
  }

  async answerQuestion(municipalityId: string, questionId: string, text: string, by: Viewer): Promise<ReportChangeResult<ReportQuestion>> {
    const index = this.contents.questions.findIndex((question) => question.id === questionId && question.municipalityId === municipalityId);
    const question = this.contents.questions[index];
    if (question === undefined) return refused('Deze vraag bestaat niet (meer) in deze gemeente.');
    const answered = { ...question, answer: { text, answeredBy: by.name, answeredAt: this.now().toISOString() } };
    this.contents.questions.splice(index, 1, answered);
    this.audit.push(`report_question:answer:${questionId}`);
    return { status: 'done', value: asStoredQuestion(answered) };
  }

  /**
   * Writes an explanation for every exception of the version under way (a
   * test that needs an approvable draft); returns how many it wrote.
   */
  async explainEveryException(municipalityId: string, quarter: string, by: Viewer): Promise<number> {
    const record = await this.findReport(municipalityId, quarter);
    if (record === null) return 0;
    const snapshot = await this.liveSnapshot(municipalityId, record, null);
    const exceptions = listExceptions(snapshot);
    for (const exception of exceptions) {
      await this.saveExplanation(municipalityId, quarter, exception, { cause: `Oorzaak bij ${exception.title}.`, consequence: 'Het doel komt later in zicht.', correction: 'Het college stuurt bij.' }, by);
    }
    return exceptions.length;
  }

  /** The report of the version under way as the API builds it from today's data. */
  async liveSnapshot(municipalityId: string, record: Pick<ReportRecord, 'quarter' | 'version' | 'correctionReason'>, publishedBy: string | null): Promise<ReportSnapshot> {
    const municipality = (await this.catalog.listMunicipalities()).find((candidate) => candidate.id === municipalityId) ?? { id: municipalityId, name: municipalityId };
    return buildReportSnapshot({
      municipality,
      quarter: record.quarter,
      version: record.version,
      publishedAt: this.now().toISOString(),
      publishedBy,
      correctionReason: record.correctionReason,
      programs: await this.catalog.listPrograms(municipalityId),
      indicators: await this.catalog.listIndicators(municipalityId),
      progress: await this.listProgressAsOf(municipalityId, record.quarter),
      explanations: await this.listExplanations(municipalityId, record.quarter, record.version),
      commentary: await this.listCommentary(municipalityId, record.quarter),
      motions: await this.listMotions(municipalityId),
    });
  }

  private async move(
    municipalityId: string,
    quarter: string,
    from: ReportStatus,
    change: Pick<ReportRecord, 'status' | 'approvedBy' | 'approvedAt'>,
    action: string,
  ): Promise<ReportChangeResult<ReportRecord>> {
    const record = this.contents.records.get(key(municipalityId, quarter));
    if (record === undefined) return refused(`Er is geen rapportage over ${quarter}.`);
    if (record.status !== from) return refused(`De rapportage over ${quarter} is ${record.status}, niet ${from}: laad de pagina opnieuw.`);
    return this.store({ ...record, ...change }, action);
  }

  private store(record: ReportRecord, action: string): ReportChangeResult<ReportRecord> {
    this.contents.records.set(key(record.municipalityId, record.quarter), record);
    this.audit.push(`report:${action}:${record.quarter}`);
    return { status: 'done', value: record };
  }
}

/** A question as the port answers it, without the municipality it is kept under. */
function asStoredQuestion(question: ReportQuestion & { readonly municipalityId: string }): ReportQuestion {
  const { id, quarter, itemKind, itemId, itemTitle, askedBy, askedAt, answer } = question;
  return { id, quarter, itemKind, itemId, itemTitle, question: question.question, askedBy, askedAt, answer };
}

/** Nothing yet: no report, motion or question. */
export function emptyReportContents(): ReportContents {
  return { records: new Map(), snapshots: new Map(), explanations: [], motions: [], questions: [], settings: new Map(), progressHistory: {}, commentary: {} };
}

/** The report ports of an API context over in-memory reports: what a router test or the dashboard's specs pass on. */
export function inMemoryReportPorts(reports: InMemoryReports): { reports: ReportCatalog; reportCommands: ReportCommands; reportCommentary: ReportCommentarySource } {
  return { reports, reportCommands: reports, reportCommentary: reports };
}
