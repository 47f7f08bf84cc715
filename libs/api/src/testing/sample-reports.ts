import type { ActionProgress, Motion, ReportExplanation, ReportRecord, ReportSnapshot } from '@koers/domain';
import { listExceptions } from '../lib/reports/report-exceptions';
import { buildReportSnapshot } from '../lib/reports/report-snapshot.builder';
import type { CatalogContents } from './in-memory-catalog';
import { emptyReportContents, type ReportContents } from './in-memory-reports';

/** Where each sample quarter's report stands (in Uithoorn and Hilversum alike); 2026-Q3 has none yet. */
export const sampleReportQuarters = {
  published: '2025-Q3',
  corrected: '2025-Q4',
  approved: '2026-Q1',
  draft: '2026-Q2',
  open: '2026-Q3',
} as const;

const college = 'Proef college';

/** Uithoorn's progress of earlier quarters: the research action slips in 2026-Q1 and is still delayed in 2026-Q3. */
const uithoornProgress: readonly ActionProgress[] = [
  { actionId: 'bestuurskrachtonderzoek', quarter: '2025-Q3', status: 'on_schedule', percent: 10, comment: 'Opdracht verleend.', recordedAt: '2025-08-12T09:00:00.000Z' },
  { actionId: 'bestuurskrachtonderzoek', quarter: '2025-Q4', status: 'on_schedule', percent: 20, comment: 'Interviews lopen.', recordedAt: '2025-11-12T09:00:00.000Z' },
  { actionId: 'bestuurskrachtonderzoek', quarter: '2026-Q1', status: 'delayed', percent: 30, comment: '=HYPERLINK("http://example.invalid","klik")', recordedAt: '2026-02-12T09:00:00.000Z' },
  { actionId: 'bestuurskrachtonderzoek', quarter: '2026-Q2', status: 'delayed', percent: 35, comment: 'Nog steeds vertraagd.', recordedAt: '2026-05-12T09:00:00.000Z' },
  { actionId: 'bestuurskrachtonderzoek', quarter: '2026-Q3', status: 'delayed', percent: 35, comment: 'De onderzoekers zijn vervangen.', recordedAt: '2026-08-12T09:00:00.000Z' },
];

/** A commitment in Uithoorn and a motion in Hilversum, with responses. */
function sampleMotions(): Motion[] {
  return [
    {
      municipalityId: 'uithoorn',
      id: 'toezegging-woo',
      kind: 'commitment',
      reference: 'T2025-03',
      title: 'Woo-verzoeken binnen de termijn',
      adoptedOn: '2025-03-12',
      points: [
        { number: 1, text: 'Het college rapporteert ieder kwartaal over de afhandeling van Woo-verzoeken.', links: [{ programId: 'bestuur-en-organisatie' }] },
        { number: 2, text: 'Het college onderzoekt de bestuurskracht.', links: [{ programId: 'bestuur-en-organisatie', taskId: 'allianties', actionId: 'bestuurskrachtonderzoek' }] },
      ],
      responses: [
        { motionId: 'toezegging-woo', pointNumber: 1, quarter: '2025-Q3', status: 'in_progress', response: 'De eerste rapportage staat in deze kwartaalrapportage.', authorName: college, writtenAt: '2025-10-10T09:00:00.000Z' },
        { motionId: 'toezegging-woo', pointNumber: 2, quarter: '2025-Q3', status: 'open', response: 'Het onderzoek start in het vierde kwartaal.', authorName: college, writtenAt: '2025-10-10T09:00:00.000Z' },
        { motionId: 'toezegging-woo', pointNumber: 1, quarter: '2025-Q4', status: 'completed', response: 'Ieder kwartaal opgenomen in de rapportage.', authorName: college, writtenAt: '2026-01-10T09:00:00.000Z' },
      ],
    },
    {
      municipalityId: 'hilversum',
      id: 'motie-veilige-winkels',
      kind: 'motion',
      reference: 'M2025-07',
      title: 'Veilig winkelen',
      adoptedOn: '2025-02-20',
      points: [{ number: 1, text: 'Het college zet in op minder winkeldiefstal.', links: [{ programId: 'bestuur' }] }],
      responses: [],
    },
  ];
}

/**
 * Reports for the sample catalog, in Uithoorn and Hilversum alike: 2025-Q3
 * published; 2025-Q4 published and corrected (version 2, with a reason);
 * 2026-Q1 approved and 2026-Q2 a draft, every exception explained; 2026-Q3
 * open. A commitment in Uithoorn and a motion in Hilversum, a question on
 * each municipality's 2025-Q4 report (`vraag-<municipality>-1`, answered in
 * Uithoorn), and Uithoorn publishes its reports publicly.
 */
export function sampleReportContents(catalog: CatalogContents): ReportContents {
  const contents = emptyReportContents();
  const motions = sampleMotions();
  contents.motions.push(...motions);
  Object.assign(contents, { progressHistory: { uithoorn: uithoornProgress }, commentary: { uithoorn: [{ effectId: 'keuzes-met-effect', quarter: '2025-Q4', text: 'Het aantal Woo-verzoeken nam sterk toe.', authorName: college, writtenAt: '2026-01-08T09:00:00.000Z' }] } });
  for (const municipalityId of ['uithoorn', 'hilversum']) {
    const municipality = catalog.municipalities.find((candidate) => candidate.id === municipalityId) ?? { id: municipalityId, name: municipalityId };
    const snapshotOf = (quarter: string, version: number, explanations: readonly ReportExplanation[], publishedAt: string, correctionReason: string | null): ReportSnapshot =>
      buildReportSnapshot({
        municipality,
        quarter,
        version,
        publishedAt,
        publishedBy: college,
        correctionReason,
        programs: catalog.programs?.[municipalityId] ?? [],
        indicators: catalog.indicators?.[municipalityId] ?? [],
        progress: latestUpTo([...(contents.progressHistory[municipalityId] ?? []), ...(catalog.progress?.[municipalityId] ?? [])], quarter),
        explanations,
        commentary: (contents.commentary[municipalityId] ?? []).filter((entry) => entry.quarter === quarter),
        motions: motions.filter((motion) => motion.municipalityId === municipalityId),
      });
    const explain = (quarter: string, version: number, cause: (title: string) => string) => {
      const exceptions = listExceptions(snapshotOf(quarter, version, [], '2026-01-01T00:00:00.000Z', null));
      const written = exceptions.map(
        (exception): ReportExplanation => ({
          itemKind: exception.kind,
          itemId: exception.id,
          cause: cause(exception.title),
          consequence: 'Het doel van dit jaar komt later in zicht.',
          correction: 'Het college stuurt bij met extra inzet.',
          authorName: college,
          writtenAt: '2026-01-05T09:00:00.000Z',
        }),
      );
      contents.explanations.push(...written.map((explanation) => ({ municipalityId, quarter, version, ...explanation })));
      return written;
    };
    const record = (quarter: string, fields: Partial<ReportRecord>): void => {
      contents.records.set(`${municipalityId}:${quarter}`, {
        municipalityId,
        quarter,
        status: 'draft',
        version: 1,
        correctionReason: null,
        openedBy: college,
        openedAt: '2025-10-01T09:00:00.000Z',
        approvedBy: null,
        approvedAt: null,
        publishedVersions: [],
        ...fields,
      });
    };

    const q3 = snapshotOf('2025-Q3', 1, explain('2025-Q3', 1, (title) => `Oorzaak bij ${title}.`), '2025-10-20T09:00:00.000Z', null);
    contents.snapshots.set(`${municipalityId}:2025-Q3:1`, q3);
    record('2025-Q3', { status: 'published', publishedVersions: [{ version: 1, publishedAt: q3.publishedAt, publishedBy: college, correctionReason: null }] });

    const reason = 'De toelichting is aangevuld na de raadsvergadering.';
    const q4v1 = snapshotOf('2025-Q4', 1, explain('2025-Q4', 1, (title) => `Oorzaak bij ${title}.`), '2026-01-20T09:00:00.000Z', null);
    const q4v2 = snapshotOf('2025-Q4', 2, explain('2025-Q4', 2, (title) => `Oorzaak bij ${title}, aangevuld.`), '2026-02-03T09:00:00.000Z', reason);
    contents.snapshots.set(`${municipalityId}:2025-Q4:1`, q4v1);
    contents.snapshots.set(`${municipalityId}:2025-Q4:2`, q4v2);
    record('2025-Q4', {
      status: 'published',
      version: 2,
      correctionReason: reason,
      publishedVersions: [
        { version: 1, publishedAt: q4v1.publishedAt, publishedBy: college, correctionReason: null },
        { version: 2, publishedAt: q4v2.publishedAt, publishedBy: college, correctionReason: reason },
      ],
    });

    explain('2026-Q1', 1, (title) => `Oorzaak bij ${title}.`);
    record('2026-Q1', { status: 'approved', approvedBy: college, approvedAt: '2026-04-15T09:00:00.000Z' });
    explain('2026-Q2', 1, (title) => `Oorzaak bij ${title}.`);
    record('2026-Q2', {});

    contents.questions.push({
      municipalityId,
      id: `vraag-${municipalityId}-1`,
      quarter: '2025-Q4',
      itemKind: 'report',
      itemId: '2025-Q4',
      itemTitle: 'Rapportage 4e kwartaal 2025',
      question: 'Hoe kijkt het college naar de cijfers van dit kwartaal?',
      askedBy: 'Proef council',
      askedAt: '2026-01-25T19:30:00.000Z',
      answer: municipalityId === 'uithoorn' ? { text: 'Met zorg om de Woo-termijnen.', answeredBy: college, answeredAt: '2026-01-28T09:00:00.000Z' } : null,
    });
  }
  contents.settings.set('uithoorn', { isPublic: true });
  return contents;
}

function latestUpTo(progress: readonly ActionProgress[], quarter: string): ActionProgress[] {
  const latest = new Map<string, ActionProgress>();
  for (const update of [...progress].filter((entry) => entry.quarter <= quarter).sort((left, right) => left.quarter.localeCompare(right.quarter))) latest.set(update.actionId, update);
  return [...latest.values()];
}
