import { describe, expect, it } from 'vitest';
import { storedIndicator } from '../../testing/index';
import { reportCallers } from '../reports/report-caller.testing';

describe('reports: the cycle of a quarter', () => {
  it('opens a quarter, opens the draft on its exceptions, refuses approval until each has cause, consequence and correction, then approves and publishes', async () => {
    const { college, council, reports } = reportCallers();
    const list = await college.reports.list({ municipalityId: 'uithoorn' });
    expect(list.openQuarters[0]).toBe('2026-Q3');
    expect(list.reports.map((report) => `${report.quarter} ${report.status} v${report.version}`)).toEqual(['2026-Q2 draft v1', '2026-Q1 approved v1', '2025-Q4 published v2', '2025-Q3 published v1']);

    await expect(college.reports.open({ municipalityId: 'uithoorn', quarter: '2026-Q4' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('nog niet voorbij') });
    expect(await college.reports.open({ municipalityId: 'uithoorn', quarter: '2026-Q3' })).toMatchObject({ status: 'draft', version: 1 });
    await expect(college.reports.open({ municipalityId: 'uithoorn', quarter: '2026-Q3' })).rejects.toMatchObject({ code: 'CONFLICT' });

    const draft = await college.reports.get({ municipalityId: 'uithoorn', quarter: '2026-Q3' });
    expect(draft).toMatchObject({ status: 'draft', isLive: true, version: 1 });
    expect(draft.exceptions.map((exception) => `${exception.kind} ${exception.id}: ${exception.reason} ${exception.isExplained}`)).toEqual([
      'effect keuzes-met-effect: Woo-verzoeken binnen de termijn: risico false',
      'action bestuurskrachtonderzoek: vertraagd (35%) false',
      // Winkeldiefstallen is back on track by its latest value (2025-Q4); vernielingen is not.
      'effect minder-criminaliteit: Vernielingen per 1.000 inwoners: uit koers false',
    ]);
    // The council does not read a draft.
    await expect(council.reports.get({ municipalityId: 'uithoorn', quarter: '2026-Q3' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await college.reports.explain({ municipalityId: 'uithoorn', quarter: '2026-Q3', item: { kind: 'effect', id: 'keuzes-met-effect' }, fields: { cause: 'Meer verzoeken.', consequence: '', correction: 'Extra juristen.' } });
    await expect(college.reports.approve({ municipalityId: 'uithoorn', quarter: '2026-Q3' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message:
        'De rapportage kan nog niet worden goedgekeurd: 3 uitzonderingen missen een toelichting. ' +
        'Het effect "Het bestuur maakt binnen de beschikbare middelen keuzes die effect creëren." (Woo-verzoeken binnen de termijn: risico) mist: gevolg. ' +
        'Het actie "Uitwerken Bestuurskrachtonderzoek" (vertraagd (35%)) mist: oorzaak, gevolg, bijsturing. ' +
        'Het effect "Minder winkeldiefstal en vernielingen" (Vernielingen per 1.000 inwoners: uit koers) mist: oorzaak, gevolg, bijsturing.',
    });
    await expect(college.reports.explain({ municipalityId: 'uithoorn', quarter: '2026-Q3', item: { kind: 'action', id: 'onbekend' }, fields: { cause: 'a', consequence: 'b', correction: 'c' } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await reports.explainEveryException('uithoorn', '2026-Q3', { userId: 'c', name: 'Proef college', email: 'college@proef.koers.example', grants: [] })).toBe(3);
    expect((await college.reports.get({ municipalityId: 'uithoorn', quarter: '2026-Q3' })).exceptions.every((exception) => exception.isExplained)).toBe(true);

    await expect(college.reports.publish({ municipalityId: 'uithoorn', quarter: '2026-Q3' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await college.reports.approve({ municipalityId: 'uithoorn', quarter: '2026-Q3' })).toMatchObject({ status: 'approved', approvedBy: 'Proef college' });
    await expect(college.reports.explain({ municipalityId: 'uithoorn', quarter: '2026-Q3', item: { kind: 'effect', id: 'keuzes-met-effect' }, fields: { cause: 'a', consequence: 'b', correction: 'c' } })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await college.reports.publish({ municipalityId: 'uithoorn', quarter: '2026-Q3' })).toMatchObject({ status: 'published', publishedVersions: [{ version: 1, publishedBy: 'Proef college' }] });

    const read = await council.reports.get({ municipalityId: 'uithoorn', quarter: '2026-Q3' });
    expect(read).toMatchObject({ status: 'published', isLive: false, version: 1, isPublic: true });
    expect(read.comparison).toMatchObject({ previousQuarter: '2026-Q2', previousVersion: null });
    expect(reports.audit.filter((entry) => entry.startsWith('report:'))).toEqual(['report:open:2026-Q3', 'report:approve:2026-Q3', 'report:publish:2026-Q3']);
  });

  it('keeps a published report as it was when the data changes afterwards, while the draft follows the data', async () => {
    const { college, council, catalog } = reportCallers();
    const before = await council.reports.get({ municipalityId: 'uithoorn', quarter: '2025-Q3' });
    const woo = () => catalog.contents.indicators?.['uithoorn']?.find((stored) => stored.indicatorId === 'woo-binnen-termijn');
    const changed = storedIndicator({
      municipalityId: 'uithoorn',
      id: 'woo-binnen-termijn',
      title: 'Woo-verzoeken binnen de termijn',
      unit: '%',
      direction: 'higher_is_better',
      values: ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'].map((period) => ({ period, value: 99 })),
      targets: { '2025': 85 },
    });
    catalog.contents = { ...catalog.contents, indicators: { ...catalog.contents.indicators, uithoorn: [...(catalog.contents.indicators?.['uithoorn'] ?? []).filter((stored) => stored !== woo()), changed] } };

    const after = await council.reports.get({ municipalityId: 'uithoorn', quarter: '2025-Q3' });
    expect(after.snapshot).toEqual(before.snapshot);
    expect(after.snapshot.indicators.find((indicator) => indicator.id === 'woo-binnen-termijn')).toMatchObject({ status: 'at_risk', latest: { period: '2025-Q3', value: 84 } });
    const draft = await college.reports.get({ municipalityId: 'uithoorn', quarter: '2026-Q2' });
    expect(draft.snapshot.indicators.find((indicator) => indicator.id === 'woo-binnen-termijn')).toMatchObject({ status: 'on_track', latest: { period: '2025-Q4', value: 99 } });
  });

  it('leaves out every period that had not ended by the end of the quarter', async () => {
    const { council } = reportCallers();
    const report = await council.reports.get({ municipalityId: 'uithoorn', quarter: '2025-Q3' });
    const shop = report.snapshot.indicators.find((indicator) => indicator.id === 'winkeldiefstallen');
    expect(report.snapshot.quarterEnd).toBe('2025-09-30');
    expect(shop?.values.map((value) => value.period)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
    expect(shop).toMatchObject({ latest: { period: '2025-Q3', value: 0.56 }, status: 'at_risk', target: 0.54 });
  });

  it('shows a correction as a new version with its reason, the earlier version readable, and the difference between them', async () => {
    const { council, college } = reportCallers();
    const latest = await council.reports.get({ municipalityId: 'uithoorn', quarter: '2025-Q4' });
    expect(latest).toMatchObject({ version: 2, correctionReason: 'De toelichting is aangevuld na de raadsvergadering.' });
    expect(latest.publishedVersions.map((version) => version.version)).toEqual([1, 2]);
    expect(latest.changes?.againstVersion).toBe(1);
    expect(latest.changes?.items).toContainEqual({
      itemKind: 'effect',
      itemId: 'keuzes-met-effect',
      title: 'Het bestuur maakt binnen de beschikbare middelen keuzes die effect creëren.',
      field: 'oorzaak',
      before: 'Oorzaak bij Het bestuur maakt binnen de beschikbare middelen keuzes die effect creëren..',
      after: 'Oorzaak bij Het bestuur maakt binnen de beschikbare middelen keuzes die effect creëren., aangevuld.',
    });
    const first = await council.reports.get({ municipalityId: 'uithoorn', quarter: '2025-Q4', version: 1 });
    expect(first).toMatchObject({ version: 1, correctionReason: null, changes: null });

    // A new correction: the draft of version 3 is the college's, the council still reads version 2.
    await college.reports.correct({ municipalityId: 'uithoorn', quarter: '2025-Q4', reason: 'De bron is gecorrigeerd.' });
    expect(await college.reports.get({ municipalityId: 'uithoorn', quarter: '2025-Q4' })).toMatchObject({ status: 'draft', version: 3, isLive: true, correctionReason: 'De bron is gecorrigeerd.' });
    expect(await council.reports.get({ municipalityId: 'uithoorn', quarter: '2025-Q4' })).toMatchObject({ status: 'published', version: 2 });
    await expect(council.reports.get({ municipalityId: 'uithoorn', quarter: '2025-Q4', version: 3 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('compares a report with the previous quarter: statuses that moved and actions that slipped', async () => {
    const { college } = reportCallers();
    const report = await college.reports.get({ municipalityId: 'uithoorn', quarter: '2026-Q1' });
    expect(report.comparison).toMatchObject({ previousQuarter: '2025-Q4', previousVersion: 2 });
    expect(report.comparison.slippedActions).toEqual([
      { id: 'bestuurskrachtonderzoek', title: 'Uitwerken Bestuurskrachtonderzoek', programId: 'bestuur-en-organisatie', programTitle: 'Bestuur en organisatie', from: 'on_schedule', to: 'delayed', dueFrom: '2025-12-31', dueTo: '2025-12-31' },
    ]);
    const q4 = await college.reports.get({ municipalityId: 'uithoorn', quarter: '2025-Q4' });
    expect(q4.comparison.indicatorMoves.map((move) => `${move.id}: ${move.from} → ${move.to}`)).toEqual(['winkeldiefstallen: at_risk → on_track']);
    expect(q4.comparison.unchangedIndicators).toBe(2);
  });

  it('lets the council list only published reports, and searches them with their questions', async () => {
    const { council } = reportCallers();
    const list = await council.reports.list({ municipalityId: 'uithoorn' });
    expect(list.reports.map((report) => `${report.quarter} v${report.version}`)).toEqual(['2025-Q4 v2', '2025-Q3 v1']);
    expect(list.openQuarters).toEqual([]);
    expect(list.abilities).toMatchObject({ mayManage: false, mayAsk: true });

    const hits = await council.reports.search({ municipalityId: 'uithoorn', query: 'woo' });
    expect(hits.map((hit) => `${hit.quarter} ${hit.itemKind} ${hit.itemId}`)).toEqual([
      // The college's commentary of 2025-Q4 speaks of Woo-verzoeken.
      '2025-Q4 commentary keuzes-met-effect',
      '2025-Q4 indicator woo-binnen-termijn',
      '2025-Q4 motion toezegging-woo',
      '2025-Q4 question vraag-uithoorn-1',
      '2025-Q3 indicator woo-binnen-termijn',
      '2025-Q3 motion toezegging-woo',
    ]);
    expect(await council.reports.search({ municipalityId: 'uithoorn', query: 'financien aangevuld' })).toEqual([]);
    await expect(council.reports.search({ municipalityId: 'uithoorn', query: 'w' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('takes the motions as they stood at the quarter, and the commentary of that quarter', async () => {
    const { council } = reportCallers();
    const q3 = await council.reports.get({ municipalityId: 'uithoorn', quarter: '2025-Q3' });
    const q4 = await council.reports.get({ municipalityId: 'uithoorn', quarter: '2025-Q4' });
    expect(q3.snapshot.motions[0]?.points.map((point) => `${point.number} ${point.status} ${point.respondedIn}`)).toEqual(['1 in_progress 2025-Q3', '2 open 2025-Q3']);
    expect(q4.snapshot.motions[0]?.points.map((point) => `${point.number} ${point.status} ${point.respondedIn}`)).toEqual(['1 completed 2025-Q4', '2 open 2025-Q3']);
    expect(q3.snapshot.programs[0]?.effects[0]?.commentary).toBeNull();
    expect(q4.snapshot.programs[0]?.effects[0]?.commentary?.text).toBe('Het aantal Woo-verzoeken nam sterk toe.');
  });

  it('answers METHOD_NOT_SUPPORTED where the installation keeps no reports', async () => {
    const { sampleCaller } = await import('./router.testing');
    const { caller } = sampleCaller();
    await expect(caller.reports.list({ municipalityId: 'uithoorn' })).rejects.toMatchObject({ code: 'METHOD_NOT_SUPPORTED' });
  });
});
