import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKoersServer, type KoersServer } from './koers.server';
import { repositoryRoot } from './server.env';
import type { ServerSettings } from './server-settings';
import { apiClient, collectingLog, signIn, testSettings } from './server.testing';

describe('the Koers server computes', () => {
  let folder: string;
  let settings: ServerSettings;
  let server: KoersServer;
  let baseUrl: string;
  let log: ReturnType<typeof collectingLog>;
  let cookie: string;
  const api = () => apiClient(baseUrl, cookie);

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'koers-server-computing-'));
    // A copy of a real demo municipality, so its files can be broken on purpose.
    await cp(join(repositoryRoot, 'data/demo/uithoorn'), join(folder, 'demo/uithoorn'), { recursive: true });
    await mkdir(join(folder, 'dashboard'), { recursive: true });
    await writeFile(join(folder, 'dashboard/index.html'), '<!doctype html><html lang="nl"><body></body></html>');
    settings = testSettings(folder, {
      computation: { ...testSettings(folder).computation, watchIntervalMs: 200 },
    });
    log = collectingLog();
    server = createKoersServer(settings, log);
    baseUrl = await server.listen();
    await server.prepare();
    cookie = await signIn(baseUrl, 'data@demo.koers.nl');
  });

  afterAll(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('says it is computing in the background once the port is open, then serves the stored results', async () => {
    const health = (await (await fetch(`${baseUrl}/health`)).json()) as { computing: string[] };
    expect(health.computing).toEqual(['uithoorn']);
    await server.whenComputed();
    expect(((await (await fetch(`${baseUrl}/health`)).json()) as { computing: string[] }).computing).toEqual([]);

    const overview = await api().overview.get.query({ municipalityId: 'uithoorn' });
    expect(overview.computation).toMatchObject({ state: 'ready', hasResults: true });
    const indicators = overview.programs.flatMap((program) => program.effects.flatMap((effect) => effect.indicators));
    expect(indicators.length).toBeGreaterThanOrEqual(20);
    expect(indicators.every((indicator) => indicator.latest !== null && indicator.problem === null)).toBe(true);
    expect(log.lines).toContainEqual(expect.stringMatching(/^Uithoorn: 24 indicatoren berekend in [\d.]+ s\.$/));
  });

  it('serves the contract JSON and the Dutch CSV of an indicator', async () => {
    const json = (await (await fetch(`${baseUrl}/api/uithoorn/indicators.json`, { headers: { cookie } })).json()) as { indicators: { id: string; latest: { value: number } }[]; errors: unknown[] };
    expect(json.errors).toEqual([]);
    expect(json.indicators).toHaveLength(24);
    const winkeldiefstallen = json.indicators.find((indicator) => indicator.id === 'winkeldiefstallen');

    const csv = await fetch(`${baseUrl}/api/uithoorn/indicators/winkeldiefstallen.csv`, { headers: { cookie } });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="uithoorn-winkeldiefstallen.csv"');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFFPeriode;Periode \(code\);Waarde \(per 1\.000 inwoners\);Streefwaarde;Nulmeting \(2021\);wijk: /);
    expect(lines.find((line) => line.startsWith('4e kwartaal 2025;2025-Q4;'))?.split(';')[2]).toBe(String(winkeldiefstallen?.latest.value).replace('.', ','));

    expect((await fetch(`${baseUrl}/api/uithoorn/indicators/bestaat-niet.csv`, { headers: { cookie } })).status).toBe(404);
    expect((await fetch(`${baseUrl}/api/amsterdam/indicators.json`, { headers: { cookie } })).status).toBe(403);
    expect((await fetch(`${baseUrl}/api/uithoorn/indicators.json`)).status).toBe(401);
    expect((await fetch(`${baseUrl}/api/uithoorn/indicators.json`, { method: 'POST', headers: { cookie, origin: baseUrl } })).status).toBe(404);
  });

  it('keeps serving the previous values of a broken source, with the error and the age of the values', async () => {
    const before = await api().indicators.get.query({ municipalityId: 'uithoorn', indicatorId: 'winkeldiefstallen' });
    const computations = log.lines.filter((line) => line.includes('indicatoren berekend')).length;
    await writeFile(join(folder, 'var/workspaces/uithoorn/data/misdrijven.csv'), 'pleegdatum,soort,wijk\n2025-13-45,"kapot\n');
    await expect.poll(() => log.lines.filter((line) => line.includes('indicatoren berekend')).length, { timeout: 60_000 }).toBe(computations + 1);

    const after = await api().indicators.get.query({ municipalityId: 'uithoorn', indicatorId: 'winkeldiefstallen' });
    expect(after.series).toEqual(before.series);
    expect(after.summary.problem).toMatchObject({
      file: 'data/misdrijven.csv',
      message: expect.stringMatching(/^bron "misdrijven" kon niet worden geladen: column "pleegdatum": .*2025-13-45/),
      valuesComputedAt: before.summary.computedAt,
    });
    expect(after.summary.problem?.failedAt).not.toBe(before.summary.computedAt);
    const json = (await (await fetch(`${baseUrl}/api/uithoorn/indicators.json`, { headers: { cookie } })).json()) as { indicators: unknown[]; errors: { file: string }[] };
    expect(json.indicators).toHaveLength(24);
    expect(json.errors.map((error) => error.file)).toContain('data/misdrijven.csv');
  });
});
