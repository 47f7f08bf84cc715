import { describe, expect, it } from 'vitest';
import { InMemoryCatalog, InMemoryReports, inMemoryReportPorts, sampleCatalogContents, sampleReportContents, sampleViewer } from '../../testing/index';
import type { ApiContext } from '../context';
import { toPublicReport } from './public-report';
import { buildReportCsv } from './report-csv.export';
import { notPublic, readPublicReport, readPublicReportIndex, readReportExport } from './report-exports';

function context(viewer: ApiContext['viewer'] = null): ApiContext {
  const catalog = new InMemoryCatalog(sampleCatalogContents());
  return { catalog, ...inMemoryReportPorts(new InMemoryReports(catalog, () => new Date('2026-11-30T12:00:00Z'), sampleReportContents(catalog.contents))), viewer, mode: 'demo' };
}

describe('report exports', () => {
  it('gives the public JSON of a public report: per indicator the latest period with a value at publication, as frozen', async () => {
    const answer = await readPublicReport(context(), 'uithoorn', '2025-Q3');
    if (answer.kind !== 'found') throw new Error(answer.kind);
    const json = toPublicReport(answer.body.snapshot, answer.body.versions);
    expect(json).toMatchObject({ municipality: { id: 'uithoorn', name: 'Uithoorn' }, quarter: '2025-Q3', version: 1, publishedAt: '2025-10-20T09:00:00.000Z' });
    expect(json.indicators.map(({ id, period, value, status }) => ({ id, period, value, status }))).toEqual([
      { id: 'woo-binnen-termijn', period: '2025-Q3', value: 84, status: 'at_risk' },
      { id: 'winkeldiefstallen', period: '2025-Q3', value: 0.56, status: 'at_risk' },
      { id: 'vernielingen', period: '2025-Q3', value: 1.7, status: 'off_track' },
    ]);
  });

  it('answers a report that is not public exactly like one that does not exist', async () => {
    const ctx = context();
    const answers = await Promise.all([
      readPublicReport(ctx, 'hilversum', '2025-Q3'), // published, but Hilversum does not publish publicly
      readPublicReport(ctx, 'uithoorn', '2026-Q2'), // a draft
      readPublicReport(ctx, 'uithoorn', '2019-Q1'), // none
      readPublicReport(ctx, 'uithoorn', '2025-Q3', 7), // no such version
      readPublicReport(ctx, 'nergens', '2025-Q3'),
      readPublicReport(ctx, 'uithoorn', '../etc'),
      readPublicReportIndex(ctx, 'hilversum'),
    ]);
    for (const answer of answers) expect(answer).toEqual(notPublic);
    expect(await readPublicReportIndex(ctx, 'uithoorn')).toMatchObject({ kind: 'found', body: { reports: [{ quarter: '2025-Q4', version: 2 }, { quarter: '2025-Q3', version: 1 }] } });
  });

  it('serves a published version to signed-in readers only, with the earlier version readable', async () => {
    expect(await readReportExport(context(), 'hilversum', '2025-Q4')).toMatchObject({ kind: 'unauthorized' });
    const council = context(sampleViewer('council'));
    expect(await readReportExport(council, 'hilversum', '2025-Q4', 1)).toMatchObject({ kind: 'found', body: { snapshot: { version: 1 }, versions: [{ version: 1 }, { version: 2 }] } });
    expect(await readReportExport(council, 'hilversum', '2026-Q1')).toMatchObject({ kind: 'not_found' });
  });

  it('writes every number in the CSV, a formula-like title as text and a negative number as a number', async () => {
    const answer = await readPublicReport(context(), 'uithoorn', '2025-Q4');
    if (answer.kind !== 'found') throw new Error(answer.kind);
    const snapshot = answer.body.snapshot;
    const csv = buildReportCsv({ ...snapshot, indicators: snapshot.indicators.map((indicator, index) => (index === 0 ? { ...indicator, title: '=HYPERLINK("http://example.invalid")', values: [...indicator.values, { period: '2026-Q1', value: -3.5 }] } : indicator)) });
    const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('Onderdeel;Id;Titel;Periode;Grootheid;Waarde;Eenheid;Status');
    expect(lines).toContain('indicator;winkeldiefstallen;Winkeldiefstallen per 1.000 inwoners;2025-Q4;waarde;0,51;per 1.000 inwoners;op koers');
    expect(lines).toContain(`indicator;woo-binnen-termijn;"'=HYPERLINK(""http://example.invalid"")";2026-Q1;waarde;-3,5;%;`);
    expect(lines.filter((line) => line.startsWith('indicator;')).length).toBe(snapshot.indicators.reduce((sum, indicator) => sum + indicator.values.length + Object.keys(indicator.targets).length + (indicator.baseline === null ? 0 : 1), 1));
  });
});
