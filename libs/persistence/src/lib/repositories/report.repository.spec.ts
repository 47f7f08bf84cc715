import type { MotionInput, ReportSnapshot } from '@koers/domain';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../testing/index';
import { searchAudit } from './audit-log.repository';
import { readDataVersion } from './data-version.repository';
import { listMotions, saveMotion, saveMotionResponse } from './motion.repository';
import { saveProgressUpdates } from './progress.repository';
import {
  approveReport,
  findReport,
  listExplanations,
  listProgressAsOf,
  listReports,
  openReport,
  publishReport,
  readReportSettings,
  readReportSnapshot,
  saveExplanation,
  saveReportSettings,
  startCorrection,
  withdrawApproval,
} from './report.repository';
import { answerQuestion, askQuestion, listQuestions } from './report-question.repository';

const college = { email: 'college@uithoorn.example', name: 'Wethouder Proef' };
const council = { email: 'raad@uithoorn.example', name: 'Raadslid Proef' };

function snapshotOf(quarter: string, version: number, value: number): ReportSnapshot {
  return {
    municipality: { id: 'uithoorn', name: 'Uithoorn' },
    quarter,
    quarterEnd: '2025-09-30',
    version,
    publishedAt: '2025-10-20T09:00:00.000Z',
    publishedBy: college.name,
    correctionReason: version === 1 ? null : 'De bron is gecorrigeerd.',
    programs: [],
    indicators: [
      {
        id: 'winkeldiefstallen',
        title: 'Winkeldiefstallen',
        unit: 'per 1.000 inwoners',
        decimals: 2,
        direction: 'lower_is_better',
        grain: 'quarter',
        isBbv: true,
        status: 'on_track',
        latest: { period: '2025-Q3', value },
        target: 0.6,
        baseline: null,
        targets: { '2025': 0.6 },
        values: [{ period: '2025-Q3', value }],
        statuses: [{ period: '2025-Q3', status: 'on_track' }],
        lineage: null,
      },
    ],
    motions: [],
  };
}

const motion: MotionInput = {
  id: 'motie-sturing',
  kind: 'motion',
  reference: 'M2020-14',
  title: 'Sturing op uitvoering',
  adoptedOn: '2020-11-12',
  points: [
    { number: 1, text: 'Enkel wettelijk verplichte adviezen.', links: [{ programId: 'samen-besturen' }] },
    { number: 2, text: 'Een voorstel om de budgetregeling aan te scherpen.', links: [] },
  ],
};

describe.each(databaseKinds)('reports, motions and questions on %s', (kind) => {
  let testDatabase: TestDatabase;

  beforeEach(async () => {
    testDatabase = await openTestDatabase(kind, inject('postgresUrl'));
  });
  afterEach(() => testDatabase.remove());

  it('walks a report from draft to published, each step once, with its audit records', async () => {
    const { db } = testDatabase;
    const versionBefore = await readDataVersion(db);
    const opened = await openReport(db, 'uithoorn', '2025-Q3', college);
    expect(opened).toMatchObject({ status: 'done', value: { quarter: '2025-Q3', status: 'draft', version: 1, openedBy: college.name, publishedVersions: [] } });
    expect(await openReport(db, 'uithoorn', '2025-Q3', college)).toEqual({ status: 'refused', message: 'De rapportage over 2025-Q3 bestaat al (een concept).' });

    const explained = await saveExplanation(db, 'uithoorn', '2025-Q3', { kind: 'effect', id: 'veilig' }, { cause: 'Meer winkels.', consequence: 'Meer diefstal.', correction: 'Extra toezicht.' }, college);
    expect(explained).toMatchObject({ status: 'done', value: { itemKind: 'effect', itemId: 'veilig', cause: 'Meer winkels.', authorName: college.name } });
    // A second save replaces the first.
    await saveExplanation(db, 'uithoorn', '2025-Q3', { kind: 'effect', id: 'veilig' }, { cause: 'Meer winkels open.', consequence: 'Meer diefstal.', correction: 'Extra toezicht.' }, college);
    expect((await listExplanations(db, 'uithoorn', '2025-Q3', 1)).map((row) => row.cause)).toEqual(['Meer winkels open.']);

    expect(await publishReport(db, 'uithoorn', '2025-Q3', snapshotOf('2025-Q3', 1, 0.5), college)).toMatchObject({ status: 'refused' });
    expect(await approveReport(db, 'uithoorn', '2025-Q3', college)).toMatchObject({ status: 'done', value: { status: 'approved', approvedBy: college.name } });
    expect(await saveExplanation(db, 'uithoorn', '2025-Q3', { kind: 'action', id: 'a' }, { cause: '', consequence: '', correction: '' }, college)).toMatchObject({ status: 'refused' });
    expect(await withdrawApproval(db, 'uithoorn', '2025-Q3', college)).toMatchObject({ status: 'done', value: { status: 'draft', approvedBy: null } });
    await approveReport(db, 'uithoorn', '2025-Q3', college);
    const published = await publishReport(db, 'uithoorn', '2025-Q3', snapshotOf('2025-Q3', 1, 0.5), college);
    expect(published).toMatchObject({ status: 'done', value: { status: 'published', version: 1, publishedVersions: [{ version: 1, publishedBy: college.name, correctionReason: null }] } });
    expect(await approveReport(db, 'uithoorn', '2025-Q3', college)).toMatchObject({ status: 'refused' });

    expect(await readReportSnapshot(db, 'uithoorn', '2025-Q3', 1)).toEqual(snapshotOf('2025-Q3', 1, 0.5));
    expect(await readDataVersion(db)).toBeGreaterThan(versionBefore);
    const audit = await searchAudit(db, { municipalityId: 'uithoorn', limit: 50 });
    expect(audit.map((record) => `${record.entity}:${record.action}`).reverse()).toEqual([
      'report:open',
      'report_explanation:create',
      'report_explanation:update',
      'report:approve',
      'report:withdraw_approval',
      'report:approve',
      'report:publish',
    ]);
  });

  it('keeps a published version as it was: a correction is a new version with its reason and the explanations carried over', async () => {
    const { db } = testDatabase;
    await openReport(db, 'uithoorn', '2025-Q3', college);
    await saveExplanation(db, 'uithoorn', '2025-Q3', { kind: 'action', id: 'toezicht' }, { cause: 'Ziekte.', consequence: 'Later klaar.', correction: 'Inhuur.' }, college);
    await approveReport(db, 'uithoorn', '2025-Q3', college);
    await publishReport(db, 'uithoorn', '2025-Q3', snapshotOf('2025-Q3', 1, 0.5), college);

    const corrected = await startCorrection(db, 'uithoorn', '2025-Q3', 'De bron is gecorrigeerd.', college);
    expect(corrected).toMatchObject({ status: 'done', value: { status: 'draft', version: 2, correctionReason: 'De bron is gecorrigeerd.' } });
    expect((await listExplanations(db, 'uithoorn', '2025-Q3', 2)).map((row) => row.cause)).toEqual(['Ziekte.']);
    await approveReport(db, 'uithoorn', '2025-Q3', college);
    // The snapshot must be of the version under way.
    expect(await publishReport(db, 'uithoorn', '2025-Q3', snapshotOf('2025-Q3', 1, 0.7), college)).toMatchObject({ status: 'refused' });
    await publishReport(db, 'uithoorn', '2025-Q3', snapshotOf('2025-Q3', 2, 0.7), college);

    expect((await readReportSnapshot(db, 'uithoorn', '2025-Q3', 1))?.indicators[0]?.latest?.value).toBe(0.5);
    expect((await readReportSnapshot(db, 'uithoorn', '2025-Q3', 2))?.indicators[0]?.latest?.value).toBe(0.7);
    const record = await findReport(db, 'uithoorn', '2025-Q3');
    expect(record?.publishedVersions.map((version) => [version.version, version.correctionReason])).toEqual([
      [1, null],
      [2, 'De bron is gecorrigeerd.'],
    ]);
    expect((await listReports(db, 'uithoorn')).map((report) => report.quarter)).toEqual(['2025-Q3']);
    expect(await listReports(db, 'hilversum')).toEqual([]);
  });

  it.runIf(kind === 'postgres')('refuses any change to a published version in the database itself', async () => {
    const { db } = testDatabase;
    await openReport(db, 'uithoorn', '2025-Q3', college);
    await approveReport(db, 'uithoorn', '2025-Q3', college);
    await publishReport(db, 'uithoorn', '2025-Q3', snapshotOf('2025-Q3', 1, 0.5), college);
    await expect(sql`update report_versions set snapshot = '{}'`.execute(db)).rejects.toThrow('a published report is frozen');
    await expect(sql`delete from report_versions`.execute(db)).rejects.toThrow('a published report is frozen');
  });

  it('reads progress as it stood in a quarter: the latest update of that quarter or before', async () => {
    const { db } = testDatabase;
    const update = (actionId: string, quarter: string, status: 'on_schedule' | 'delayed') => ({
      municipalityId: 'uithoorn',
      actionId,
      quarter,
      status,
      percent: 50,
      comment: '',
      author: 'teamlead@uithoorn.example',
      recordedAt: '2025-08-01T09:00:00.000Z',
    });
    await saveProgressUpdates(db, [update('a', '2025-Q2', 'on_schedule'), update('a', '2025-Q3', 'delayed'), update('b', '2025-Q4', 'delayed'), update('c', '2025-Q1', 'on_schedule')]);
    const asOf = await listProgressAsOf(db, 'uithoorn', '2025-Q3');
    expect(asOf.map((progress) => `${progress.actionId} ${progress.quarter} ${progress.status}`)).toEqual(['a 2025-Q3 delayed', 'c 2025-Q1 on_schedule']);
  });

  it('keeps whether reports are public per municipality', async () => {
    const { db } = testDatabase;
    expect(await readReportSettings(db, 'uithoorn')).toEqual({ isPublic: false });
    await saveReportSettings(db, 'uithoorn', { isPublic: true }, college);
    await saveReportSettings(db, 'uithoorn', { isPublic: true }, college);
    expect(await readReportSettings(db, 'uithoorn')).toEqual({ isPublic: true });
    expect(await readReportSettings(db, 'hilversum')).toEqual({ isPublic: false });
  });

  it('keeps motions with their points, and a response and status per point per quarter', async () => {
    const { db } = testDatabase;
    await saveMotion(db, 'diemen', motion, college);
    expect(await saveMotionResponse(db, 'diemen', { motionId: 'motie-sturing', pointNumber: 3, quarter: '2025-Q3', status: 'open', response: 'x' }, college)).toEqual({
      status: 'refused',
      message: 'Motie "motie-sturing" heeft geen punt 3: de punten lopen van 1 tot en met 2.',
    });
    await saveMotionResponse(db, 'diemen', { motionId: 'motie-sturing', pointNumber: 1, quarter: '2025-Q2', status: 'in_progress', response: 'Wordt besproken.' }, college);
    await saveMotionResponse(db, 'diemen', { motionId: 'motie-sturing', pointNumber: 1, quarter: '2025-Q3', status: 'in_progress', response: 'Eerste versie.' }, college);
    const saved = await saveMotionResponse(db, 'diemen', { motionId: 'motie-sturing', pointNumber: 1, quarter: '2025-Q3', status: 'completed', response: 'Overgenomen.' }, college);
    expect(saved.status).toBe('done');
    await saveMotion(db, 'diemen', { ...motion, title: 'Sturing op de uitvoering' }, college);

    const [stored] = await listMotions(db, 'diemen');
    expect(stored).toMatchObject({ id: 'motie-sturing', title: 'Sturing op de uitvoering', adoptedOn: '2020-11-12', points: motion.points });
    expect(stored?.responses.map((response) => `${response.pointNumber} ${response.quarter} ${response.status} ${response.response}`)).toEqual([
      '1 2025-Q2 in_progress Wordt besproken.',
      '1 2025-Q3 completed Overgenomen.',
    ]);
    expect(await listMotions(db, 'uithoorn')).toEqual([]);
    const audit = await searchAudit(db, { municipalityId: 'diemen', limit: 50 });
    expect(audit.map((record) => `${record.entity}:${record.action}`).reverse()).toEqual([
      'motion:create',
      'motion_response:create',
      'motion_response:create',
      'motion_response:update',
      'motion:update',
    ]);
  });

  it("keeps the council's questions on a report and the college's answers", async () => {
    const { db } = testDatabase;
    const asked = await askQuestion(db, 'uithoorn', { quarter: '2025-Q3', item: { kind: 'indicator', id: 'winkeldiefstallen' }, itemTitle: 'Winkeldiefstallen', text: 'Waarom stijgt dit?' }, council);
    expect(asked).toMatchObject({ quarter: '2025-Q3', itemKind: 'indicator', itemId: 'winkeldiefstallen', askedBy: council.name, answer: null });
    const answered = await answerQuestion(db, 'uithoorn', asked.id, 'Door meer winkels.', college);
    expect(answered).toMatchObject({ status: 'done', value: { answer: { text: 'Door meer winkels.', answeredBy: college.name } } });
    expect(await answerQuestion(db, 'hilversum', asked.id, 'Elders.', college)).toMatchObject({ status: 'refused' });
    expect((await listQuestions(db, 'uithoorn', '2025-Q3')).map((question) => question.answer?.text)).toEqual(['Door meer winkels.']);
    expect(await listQuestions(db, 'uithoorn', '2025-Q2')).toEqual([]);
  });
});
