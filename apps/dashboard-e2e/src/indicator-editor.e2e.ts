import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAxeViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { trpcQuery } from './support/dashboard-routes';
import { workspaceRoot } from './support/koers-server';
import { signIn, signInWithKeyboard } from './support/session';
import { bodyRows } from './support/table-rows';
import { serverForTests, waitForResults } from './support/test-server';

const screenshots = join(workspaceRoot, 'dist/e2e-screenshots');
/** A new indicator on Uithoorn's demo source "misdrijven"; an id of this run, so a server kept running takes it again. */
const indicatorId = `fietsendiefstallen-${Date.now().toString(36)}`;

let server: Awaited<ReturnType<typeof serverForTests>>;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await serverForTests();
  browser = await launchBrowser();
  await waitForResults(server.baseUrl, (await signIn(server.baseUrl, 'data@demo.koers.nl')).cookie, 'uithoorn');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('the data team defines an indicator through the web', () => {
  it('signs in, fills the form on a demo source, sees a dry run with values and a chart, saves, and sees the values on the indicator page', async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();

    // Asked for the editor, the data team signs in first and lands on it.
    await page.goto(`${server.baseUrl}/uithoorn/definities/nieuw`);
    await signInWithKeyboard(page, 'data@demo.koers.nl');
    await page.getByRole('heading', { level: 1, name: 'Nieuwe indicator' }).waitFor();

    await page.getByLabel('Naam van het bestand (id)').fill(indicatorId);
    await page.getByLabel('Titel', { exact: true }).fill('Fietsendiefstallen (e2e)');
    await page.getByLabel('Eenheid', { exact: true }).fill('aantal');
    await page.getByLabel('Richting').selectOption('lower_is_better');
    await page.getByLabel('Periode', { exact: true }).selectOption('year');
    await page.getByLabel('Bron', { exact: true }).selectOption('misdrijven');
    // The time column's choices are the date columns of the source, as the computation loaded them.
    await page.getByLabel('Tijdkolom').selectOption('pleegdatum');
    await page.getByLabel('Meting (SQL-expressie)').fill('count(*)');
    await page.getByLabel('Filter (optioneel)').fill("soort = 'fietsdiefstal'");
    await page.getByRole('checkbox', { name: 'wijk' }).check();
    await page.getByRole('button', { name: 'Streefwaarde toevoegen' }).click();
    await page.getByLabel('Jaar', { exact: true }).fill('2025');
    await page.getByLabel('Streefwaarde', { exact: true }).fill('40');
    await page.getByLabel('Marge (tolerantie)').fill('0,1');

    // A measure that reads a file is refused by the guard, the message beside the field, before any dry run computes.
    await page.getByLabel('Meting (SQL-expressie)').fill("len(read_csv('/etc/passwd'))");
    await page.getByRole('button', { name: 'Proefberekening' }).click();
    const measure = page.getByLabel('Meting (SQL-expressie)');
    await expect.poll(() => measure.getAttribute('aria-invalid'), { timeout: 60_000 }).toBe('true');
    expect(await page.locator('#probleem-measure').innerText()).toContain('niet toegestaan');
    await measure.fill('count(*)');

    await page.getByRole('button', { name: 'Proefberekening' }).click();
    const dryRun = page.locator('section[aria-labelledby="proef-titel"]');
    await dryRun.waitFor({ timeout: 120_000 });
    expect(await dryRun.innerText()).toContain('er is niets opgeslagen');
    const chart = dryRun.locator('koers-chart [role="img"]');
    expect(await chart.getAttribute('aria-label')).toContain('Lijndiagram van de proefberekening van Fietsendiefstallen (e2e) (aantal)');
    // ECharts (lazy, SVG) drew its lines.
    await dryRun.locator('koers-chart svg path').first().waitFor({ state: 'attached' });
    const tried = await bodyRows(dryRun);
    expect(tried.length).toBeGreaterThan(0);
    expect(tried.every(([period, value]) => /^\d{4}$/.test(period ?? '') && /^\d[\d.]*$/.test(value ?? ''))).toBe(true);
    // The demo registers bicycle thefts every year.
    expect(tried.filter(([, value]) => value !== '0').length).toBe(tried.length);
    expect(tried.find(([period]) => period === '2025')?.[2]).toBe('40');
    expect(await page.locator('#probleem-measure').innerText()).toBe('');
    expect(await findAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, 'indicator-editor-dry-run-1280.png'), fullPage: true });

    const savedAfter = new Date().toISOString();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('wordt berekend').waitFor({ timeout: 30_000 });
    // Once just this indicator is computed, its page opens with the values of the dry run.
    await page.waitForURL(`**/uithoorn/indicatoren/${indicatorId}`, { timeout: 180_000 });
    await page.getByRole('heading', { level: 1, name: 'Fietsendiefstallen (e2e)' }).waitFor();
    await expect
      .poll(async () => (await bodyRows(page.locator('.koers-chart-with-table').first())).map((row) => row.slice(0, 2)), { timeout: 60_000 })
      .toEqual(tried.map((row) => row.slice(0, 2)));
    expect(await page.getByRole('link', { name: 'Definitie bewerken' }).getAttribute('href')).toBe(`/uithoorn/definities/${indicatorId}`);

    // What the page shows is what the server stored; every computation since the save was of this indicator alone
    // (the save's own, and the workspace watcher's when it noticed the new file).
    const { cookie } = await signIn(server.baseUrl, 'data@demo.koers.nl');
    const records = await trpcQuery<{ indicatorIds: string[] | null; status: string; startedAt: string | null }[]>(server.baseUrl, cookie, 'computations.list', {
      municipalityId: 'uithoorn',
      limit: 10,
    });
    const sinceSave = records.filter((record) => record.startedAt === null || record.startedAt >= savedAfter);
    expect(sinceSave.length).toBeGreaterThan(0);
    expect(sinceSave.map((record) => record.indicatorIds)).toEqual(sinceSave.map(() => [indicatorId]));
    expect(sinceSave.some((record) => record.status === 'succeeded')).toBe(true);
  });
});
