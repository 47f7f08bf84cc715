import { appendFile, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKoersServer, type KoersServer } from './koers.server';
import { repositoryRoot } from './server.env';
import { apiClient, collectingLog, signIn, testSettings } from './server.testing';

/** The last quarter that has ended by the machine's clock: the one the college may report on. */
function lastEndedQuarter(now = new Date()): string {
  const quarter = Math.floor(now.getUTCMonth() / 3) + 1;
  return quarter === 1 ? `${now.getUTCFullYear() - 1}-Q4` : `${now.getUTCFullYear()}-Q${quarter - 1}`;
}

describe('the Koers server: a quarter reported, published, frozen and corrected', () => {
  let folder: string;
  let server: KoersServer;
  let baseUrl: string;
  let log: ReturnType<typeof collectingLog>;
  let college: string;
  let council: string;
  const quarter = lastEndedQuarter();
  const municipalityId = 'uithoorn';

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'koers-server-reports-'));
    for (const id of ['uithoorn', 'diemen']) await cp(join(repositoryRoot, `data/demo/${id}`), join(folder, `demo/${id}`), { recursive: true });
    await mkdir(join(folder, 'dashboard'), { recursive: true });
    await writeFile(join(folder, 'dashboard/index.html'), '<!doctype html><html lang="nl"><body>dashboard</body></html>');
    log = collectingLog();
    server = createKoersServer(testSettings(folder, { computation: { ...testSettings(folder).computation, watchIntervalMs: 200 } }), log);
    baseUrl = await server.listen();
    await server.prepare();
    await server.whenComputed();
    college = await signIn(baseUrl, 'college@demo.koers.nl');
    council = await signIn(baseUrl, 'raad@demo.koers.nl');
  }, 180_000);

  afterAll(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  /** Explains every exception of the draft, as the college would. */
  async function explainAll(): Promise<number> {
    const api = apiClient(baseUrl, college);
    const draft = await api.reports.get.query({ municipalityId, quarter });
    for (const exception of draft.exceptions) {
      await api.reports.explain.mutate({
        municipalityId,
        quarter,
        item: { kind: exception.kind, id: exception.id },
        fields: { cause: `Oorzaak: ${exception.reason}.`, consequence: 'Het doel komt later in zicht.', correction: 'Extra inzet in het volgende kwartaal.' },
      });
    }
    return draft.exceptions.length;
  }

  it('ships the demo with past quarters published from the data as shipped, public for Uithoorn, and Diemen\'s motion with its seven points', async () => {
    const list = await apiClient(baseUrl, council).reports.list.query({ municipalityId });
    expect(list.reports.map((report) => `${report.quarter} ${report.status} v${report.version}`)).toEqual(['2025-Q4 published v1', '2025-Q3 published v1', '2025-Q2 published v1', '2025-Q1 published v1']);
    expect(list.isPublic).toBe(true);
    expect(log.lines).toContain('Uithoorn: kwartaalrapportages 2025-Q1, 2025-Q2, 2025-Q3, 2025-Q4 gepubliceerd en openbaar.');
    expect(log.lines).toContain('Diemen: kwartaalrapportages 2025-Q1, 2025-Q2, 2025-Q3, 2025-Q4 gepubliceerd.');

    // A period not yet over at the quarter's end is left out: the report of 2025-Q2 stops at 2025-Q2 (a yearly value of 2025 is not in it).
    const q2 = (await (await fetch(`${baseUrl}/public/${municipalityId}/reports/2025-Q2.json`)).json()) as { publishedAt: string; indicators: { id: string; period: string | null }[] };
    expect(q2.publishedAt).toBe('2025-07-21T10:00:00.000Z');
    expect(q2.indicators.length).toBeGreaterThan(10);
    expect(q2.indicators.every((indicator) => indicator.period === null || indicator.period <= '2025-06' || (indicator.period.includes('Q') && indicator.period <= '2025-Q2'))).toBe(true);
    expect(q2.indicators.filter((indicator) => indicator.period === '2025-Q2').length).toBeGreaterThan(0);
    expect((await fetch(`${baseUrl}/public/diemen/reports/2025-Q2.json`)).status).toBe(404);

    const motions = await apiClient(baseUrl, council).motions.list.query({ municipalityId: 'diemen' });
    expect(motions.motions.map((motion) => `${motion.title}: ${motion.points.length} punten, ${motion.responses.length} reacties`)).toEqual(['Sturing op uitvoering: 7 punten, 7 reacties']);
    expect(motions.motions[0]?.points[5]?.text).toBe('Over deze afspraken rapporteert het college ieder kwartaal richting raad (vanaf zomer 2021);');
    const diemenQ4 = await apiClient(baseUrl, council).reports.get.query({ municipalityId: 'diemen', quarter: '2025-Q4' });
    expect(diemenQ4.snapshot.motions[0]?.points.map((point) => point.status)).toEqual(['completed', 'in_progress', 'in_progress', 'in_progress', 'in_progress', 'in_progress', 'in_progress']);
    // No longer dressed up as actions.
    const programs = await apiClient(baseUrl, college).programs.list.query({ municipalityId: 'diemen' });
    expect(programs.flatMap((program) => program.tasks.flatMap((task) => task.actions.map((action) => action.id))).filter((id) => id.startsWith('motie-'))).toEqual([]);
  });

  it('refuses approval while an exception lacks cause, consequence or correction, then approves and publishes', async () => {
    const api = apiClient(baseUrl, college);
    expect(await api.reports.open.mutate({ municipalityId, quarter })).toMatchObject({ status: 'draft', version: 1 });
    const draft = await api.reports.get.query({ municipalityId, quarter });
    expect(draft.exceptions.length).toBeGreaterThan(0);
    await expect(api.reports.approve.mutate({ municipalityId, quarter })).rejects.toMatchObject({ message: expect.stringMatching(/^De rapportage kan nog niet worden goedgekeurd: \d+ uitzonderingen? miss/) });
    expect(await explainAll()).toBe(draft.exceptions.length);
    // The college's commentary, written where the program page writes it, goes into the report.
    const effect = draft.snapshot.programs[0]?.effects[0];
    expect(effect).toBeDefined();
    await api.commentary.save.mutate({ municipalityId, effectId: effect?.id ?? '', quarter, text: 'De cijfers volgen de landelijke trend.' });
    expect(await api.reports.approve.mutate({ municipalityId, quarter })).toMatchObject({ status: 'approved', approvedBy: 'Portefeuillehouder (demo)' });
    expect(await api.reports.publish.mutate({ municipalityId, quarter })).toMatchObject({ status: 'published', publishedVersions: [{ version: 1 }] });

    const published = await apiClient(baseUrl, council).reports.get.query({ municipalityId, quarter });
    const shop = published.snapshot.indicators.find((indicator) => indicator.id === 'winkeldiefstallen');
    // Every value carries its lineage: the source versions, when they were loaded, the SQL.
    expect(shop?.lineage).toMatchObject({ sql: expect.stringContaining('winkeldiefstal'), sources: expect.arrayContaining([expect.objectContaining({ sourceId: 'misdrijven', version: expect.any(Number), loadedAt: expect.any(String) })]) });
    expect(published.snapshot.programs.flatMap((program) => program.tasks.flatMap((task) => task.actions)).length).toBeGreaterThan(0);
    const commented = published.snapshot.programs.flatMap((program) => program.effects).find((candidate) => candidate.id === effect?.id);
    expect(commented?.commentary).toMatchObject({ text: 'De cijfers volgen de landelijke trend.', authorName: 'Portefeuillehouder (demo)' });
  });

  it('keeps the published report as it was when the data changes afterwards; a correction shows both versions', async () => {
    const councilApi = apiClient(baseUrl, council);
    const before = await councilApi.reports.get.query({ municipalityId, quarter });
    const frozen = before.snapshot.indicators.find((indicator) => indicator.id === 'winkeldiefstallen');
    const frozenQ2 = frozen?.values.find((value) => value.period === '2025-Q2')?.value;
    const csvBefore = await (await fetch(`${baseUrl}/api/${municipalityId}/reports/${quarter}.csv`, { headers: { cookie: council } })).text();

    // Forty more shoplifting reports in the second quarter of 2025: the source changes, and the indicator is recomputed.
    const computed = log.lines.filter((line) => line.includes('indicatoren berekend')).length;
    await appendFile(join(folder, 'var/workspaces/uithoorn/data/misdrijven.csv'), Array.from({ length: 40 }, () => '2025-05-15,winkeldiefstal,Centrum\n').join(''));
    await expect.poll(() => log.lines.filter((line) => line.includes('indicatoren berekend')).length, { timeout: 90_000 }).toBe(computed + 1);
    const live = await apiClient(baseUrl, college).indicators.get.query({ municipalityId, indicatorId: 'winkeldiefstallen' });
    const liveQ2 = live.series.find((point) => point.period === '2025-Q2')?.value;
    expect(liveQ2).toBeGreaterThan(frozenQ2 ?? Infinity);

    const after = await councilApi.reports.get.query({ municipalityId, quarter });
    expect(after.snapshot).toEqual(before.snapshot);
    expect(await (await fetch(`${baseUrl}/api/${municipalityId}/reports/${quarter}.csv`, { headers: { cookie: council } })).text()).toBe(csvBefore);

    // The college corrects: version 2 with its reason, made from today's data.
    const collegeApi = apiClient(baseUrl, college);
    expect(await collegeApi.reports.correct.mutate({ municipalityId, quarter, reason: 'De aangiften van mei 2025 zijn nagekomen.' })).toMatchObject({ status: 'draft', version: 2 });
    await explainAll();
    await collegeApi.reports.approve.mutate({ municipalityId, quarter });
    await collegeApi.reports.publish.mutate({ municipalityId, quarter });

    const corrected = await councilApi.reports.get.query({ municipalityId, quarter });
    expect(corrected).toMatchObject({ version: 2, correctionReason: 'De aangiften van mei 2025 zijn nagekomen.', publishedVersions: [{ version: 1 }, { version: 2 }] });
    expect(corrected.snapshot.indicators.find((indicator) => indicator.id === 'winkeldiefstallen')?.values.find((value) => value.period === '2025-Q2')?.value).toBe(liveQ2);
    expect(corrected.changes?.againstVersion).toBe(1);
    expect(corrected.changes?.items).toContainEqual(expect.objectContaining({ itemKind: 'indicator', itemId: 'winkeldiefstallen' }));
    const first = await councilApi.reports.get.query({ municipalityId, quarter, version: 1 });
    expect(first.snapshot).toEqual(before.snapshot);
  }, 150_000);

  it('publishes the numbers as JSON without sign-in where the municipality makes its reports public, and 404s alike otherwise', async () => {
    await apiClient(baseUrl, college).reports.setPublic.mutate({ municipalityId, isPublic: false });
    const missing = await fetch(`${baseUrl}/public/${municipalityId}/reports/2019-Q1.json`);
    const notPublic = await fetch(`${baseUrl}/public/${municipalityId}/reports/${quarter}.json`);
    expect(notPublic.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await notPublic.text()).toBe(await missing.text());

    await apiClient(baseUrl, college).reports.setPublic.mutate({ municipalityId, isPublic: true });
    const response = await fetch(`${baseUrl}/public/${municipalityId}/reports/${quarter}.json`);
    expect(response.status).toBe(200);
    const json = (await response.json()) as { municipality: { id: string }; quarter: string; version: number; publishedAt: string; indicators: { id: string; period: string; value: number; status: string }[] };
    expect(json).toMatchObject({ municipality: { id: municipalityId }, quarter, version: 2, publishedAt: expect.any(String) });
    const report = await apiClient(baseUrl, council).reports.get.query({ municipalityId, quarter });
    expect(json.indicators.map(({ id, period, value, status }) => ({ id, period, value, status }))).toEqual(
      report.snapshot.indicators.map((indicator) => ({ id: indicator.id, period: indicator.latest?.period ?? null, value: indicator.latest?.value ?? null, status: indicator.status })),
    );
    const v1 = (await (await fetch(`${baseUrl}/public/${municipalityId}/reports/${quarter}.json?version=1`)).json()) as { version: number };
    expect(v1.version).toBe(1);
    expect((await fetch(`${baseUrl}/public/${municipalityId}/reports.json`)).status).toBe(200);
    // The same report as PDF, for everyone; as Excel for those signed in.
    const pdf = await fetch(`${baseUrl}/public/${municipalityId}/reports/${quarter}.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await fetch(`${baseUrl}/public/diemen/reports/${quarter}.pdf`)).status).toBe(404);
    const xlsx = await fetch(`${baseUrl}/api/${municipalityId}/reports/${quarter}.xlsx`, { headers: { cookie: council } });
    expect(xlsx.headers.get('content-disposition')).toBe(`attachment; filename="${municipalityId}-${quarter}-v2.xlsx"`);
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await fetch(`${baseUrl}/api/${municipalityId}/reports/${quarter}.xlsx`)).status).toBe(401);
    // The page itself is the dashboard's, without sign-in.
    const page = await fetch(`${baseUrl}/public/${municipalityId}/reports/${quarter}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('dashboard');
  });
});
