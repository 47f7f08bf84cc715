import { describe, expect, it } from 'vitest';
import { reportCallers } from '../reports/report-caller.testing';

describe('motions and questions', () => {
  it('keeps a motion with numbered points linked to programs, and the college responds per point per quarter', async () => {
    const { college, council, reports } = reportCallers();
    const motion = {
      id: 'motie-digitaal',
      kind: 'motion' as const,
      reference: 'M2026-02',
      title: 'Digitale dienstverlening',
      adoptedOn: '2026-02-12',
      points: [
        { number: 1, text: 'Het college maakt een plan.', links: [{ programId: 'bestuur-en-organisatie' }] },
        { number: 2, text: 'Het college rapporteert.', links: [{ programId: 'bestuur-en-organisatie', taskId: 'allianties', actionId: 'bestuurskrachtonderzoek' }] },
      ],
    };
    expect(await college.motions.save({ municipalityId: 'uithoorn', motion })).toMatchObject({ id: 'motie-digitaal', responses: [] });
    await college.motions.respond({ municipalityId: 'uithoorn', response: { motionId: 'motie-digitaal', pointNumber: 2, quarter: '2026-Q3', status: 'in_progress', response: 'Loopt.' } });
    const list = await council.motions.list({ municipalityId: 'uithoorn' });
    expect(list).toMatchObject({ responseQuarter: '2026-Q3', mayManage: false });
    expect(list.motions.map((entry) => `${entry.reference} ${entry.points.length} ${entry.responses.length}`)).toEqual(['T2025-03 2 3', 'M2026-02 2 1']);
    expect(reports.audit).toEqual(['motion:create:motie-digitaal', 'motion_response:save:motie-digitaal/2/2026-Q3']);
  });

  it('refuses points out of order, links to what does not exist, a response to a point that does not exist, and the council changing anything', async () => {
    const { college, council } = reportCallers();
    const base = { id: 'motie-x', kind: 'motion' as const, reference: 'M1', title: 'X', adoptedOn: '2026-01-01' };
    await expect(college.motions.save({ municipalityId: 'uithoorn', motion: { ...base, points: [{ number: 2, text: 'a', links: [] }] } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('moet 1 zijn'),
    });
    await expect(
      college.motions.save({ municipalityId: 'uithoorn', motion: { ...base, points: [{ number: 1, text: 'a', links: [{ programId: 'bestuur-en-organisatie', actionId: 'onbekend' }] }] } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'points.0.links.0.actionId: actie "onbekend" hoort niet bij programma "Bestuur en organisatie".' });
    await expect(
      college.motions.respond({ municipalityId: 'uithoorn', response: { motionId: 'toezegging-woo', pointNumber: 9, quarter: '2026-Q3', status: 'open', response: 'x' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'Motie "toezegging-woo" heeft geen punt 9.' });
    await expect(council.motions.save({ municipalityId: 'uithoorn', motion: { ...base, points: [{ number: 1, text: 'a', links: [] }] } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets a council member ask about an item of a published report, and the college answer', async () => {
    const { college, council } = reportCallers();
    const asked = await council.questions.ask({ municipalityId: 'uithoorn', quarter: '2025-Q3', item: { kind: 'indicator', id: 'woo-binnen-termijn' }, text: 'Waarom daalt dit?' });
    expect(asked).toMatchObject({ itemTitle: 'Woo-verzoeken binnen de termijn', askedBy: 'Proef council', answer: null });
    expect(await college.questions.answer({ municipalityId: 'uithoorn', questionId: asked.id, text: 'Meer verzoeken.' })).toMatchObject({ answer: { text: 'Meer verzoeken.', answeredBy: 'Proef college' } });
    const report = await council.reports.get({ municipalityId: 'uithoorn', quarter: '2025-Q3' });
    expect(report.questions.map((question) => `${question.question} ${question.answer?.text}`)).toEqual(['Waarom daalt dit? Meer verzoeken.']);

    await expect(council.questions.ask({ municipalityId: 'uithoorn', quarter: '2026-Q2', item: { kind: 'report', id: '2026-Q2' }, text: 'Al klaar?' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(council.questions.ask({ municipalityId: 'uithoorn', quarter: '2025-Q3', item: { kind: 'action', id: 'bestaat-niet' }, text: 'En dit?' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(council.questions.ask({ municipalityId: 'uithoorn', quarter: '2025-Q3', item: { kind: 'report', id: '2025-Q3' }, text: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(council.questions.answer({ municipalityId: 'uithoorn', questionId: asked.id, text: 'Zelf.' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
