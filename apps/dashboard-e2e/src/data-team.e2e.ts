import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAxeViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { workspaceRoot } from './support/koers-server';
import { signIn, signInWithKeyboard } from './support/session';
import { bodyRows } from './support/table-rows';
import { serverForTests, waitForResults } from './support/test-server';

/**
 * The data team's whole path from a file to a figure, in one go: a CSV the
 * installation has never seen becomes a source, an indicator is defined on it
 * with a dry run, and once saved its values stand on the indicator page.
 * (sources.e2e.ts and indicator-editor.e2e.ts go deeper into each half.)
 */

const screenshots = join(workspaceRoot, 'dist/e2e-screenshots');
const municipalityId = 'uithoorn';
/** Ids of this run, so a server kept running (KOERS_E2E_BASE_URL) takes them again. */
const run = Date.now().toString(36);
const sourceId = `meldingen-${run}`;
const indicatorId = `meldingen-per-jaar-${run}`;
/** Reports in the public space per year: the counts the indicator must find. */
const reportsPerYear: Readonly<Record<string, number>> = { '2022': 31, '2023': 27, '2024': 22, '2025': 18 };

let server: Awaited<ReturnType<typeof serverForTests>>;
let browser: Browser;
let context: BrowserContext;
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'koers-e2e-data-team-'));
  server = await serverForTests();
  browser = await launchBrowser();
  await waitForResults(server.baseUrl, (await signIn(server.baseUrl, 'data@demo.koers.nl')).cookie, municipalityId);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** A CSV of reports (date, district, kind) with {@link reportsPerYear} rows per year. */
function reportsCsv(): string {
  const districts = ['Centrum', 'Legmeer', 'Meerwijk', 'De Kwakel'];
  const kinds = ['zwerfafval', 'verlichting', 'bestrating'];
  const rows = Object.entries(reportsPerYear).flatMap(([year, count]) =>
    Array.from({ length: count }, (_, index) => {
      const month = String((index % 12) + 1).padStart(2, '0');
      const day = String((index % 27) + 1).padStart(2, '0');
      return `${year}-${month}-${day},${districts[index % districts.length]},${kinds[index % kinds.length]}`;
    }),
  );
  return `datum,wijk,soort\n${rows.join('\n')}\n`;
}

describe('the data team, from a file to a figure', () => {
  it('uploads a CSV as a new source, sees the preview, defines an indicator on it with a dry run, saves, and sees its values', async () => {
    const file = join(scratch, 'meldingen-openbare-ruimte.csv');
    writeFileSync(file, reportsCsv());
    const total = Object.values(reportsPerYear).reduce((sum, count) => sum + count, 0);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();

    await page.goto(`${server.baseUrl}/${municipalityId}/bronnen/nieuw`);
    await signInWithKeyboard(page, 'data@demo.koers.nl');
    await page.getByRole('heading', { level: 1, name: 'Nieuwe bron' }).waitFor();

    // The file is uploaded and previewed before anything serves.
    await page.getByLabel('Bestand voor de nieuwe bron').setInputFiles(file);
    await page.getByRole('button', { name: 'Uploaden en controleren' }).click();
    const preview = page.locator('section[aria-labelledby="voorbeeld-kop"]');
    await preview.getByText('Het bestand laadt').waitFor({ timeout: 60_000 });
    expect(await preview.getByRole('status').innerText()).toBe(`Het bestand laadt: ${total} rijen en 3 kolommen (CSV).`);
    expect(await page.getByLabel('Type van kolom datum').inputValue()).toBe('date');

    // Declared with the types Koers suggests, an id and a title; then loaded and computed step by step.
    await page.locator('input[name="sourceId"]').fill(sourceId);
    await page.locator('input[name="title"]').fill('Meldingen openbare ruimte (e2e)');
    await page.getByRole('button', { name: 'Bron aanmaken' }).click();
    await page.getByText('Klaar: versie 1 is in gebruik').waitFor({ timeout: 180_000 });
    expect(await findAxeViolations(page)).toEqual([]);

    // On to the editor, the new source filled in.
    await page.getByRole('link', { name: 'Indicator maken op deze bron' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe indicator' }).waitFor();
    await expect.poll(() => page.getByLabel('Bron', { exact: true }).inputValue()).toBe(sourceId);
    await page.getByLabel('Naam van het bestand (id)').fill(indicatorId);
    await page.getByLabel('Titel', { exact: true }).fill('Meldingen openbare ruimte per jaar (e2e)');
    await page.getByLabel('Eenheid', { exact: true }).fill('aantal');
    await page.getByLabel('Richting').selectOption('lower_is_better');
    await page.getByLabel('Periode', { exact: true }).selectOption('year');
    await page.getByLabel('Tijdkolom').selectOption('datum');
    await page.getByLabel('Meting (SQL-expressie)').fill('count(*)');

    await page.getByRole('button', { name: 'Proefberekening' }).click();
    const dryRun = page.locator('section[aria-labelledby="proef-titel"]');
    await dryRun.waitFor({ timeout: 120_000 });
    expect(await dryRun.innerText()).toContain('er is niets opgeslagen');
    await dryRun.locator('koers-chart svg path').first().waitFor({ state: 'attached' });
    const tried = (await bodyRows(dryRun)).map((row) => row.slice(0, 2));
    // Exactly the counts in the file, year by year.
    expect(tried.filter(([period]) => period !== undefined && period in reportsPerYear)).toEqual(Object.entries(reportsPerYear).map(([year, count]) => [year, String(count)]));
    expect(await findAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, 'data-team-dry-run-1280.png'), fullPage: true });

    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('wordt berekend').waitFor({ timeout: 30_000 });
    await page.waitForURL(`**/${municipalityId}/indicatoren/${indicatorId}`, { timeout: 180_000 });
    await page.getByRole('heading', { level: 1, name: 'Meldingen openbare ruimte per jaar (e2e)' }).waitFor();
    await expect.poll(async () => (await bodyRows(page.locator('.koers-chart-with-table').first())).map((row) => row.slice(0, 2)), { timeout: 60_000 }).toEqual(tried);
    expect(await findAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, 'data-team-indicator-1280.png'), fullPage: true });
  });
});
