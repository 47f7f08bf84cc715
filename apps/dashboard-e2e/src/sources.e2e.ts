import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAxeViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { workspaceRoot } from './support/koers-server';
import { signIn, signInWithKeyboard } from './support/session';
import { serverForTests, waitForResults } from './support/test-server';

const screenshots = join(workspaceRoot, 'dist/e2e-screenshots');
const municipalityId = 'uithoorn';
/** A small demo source that one indicator (woo-binnen-termijn) reads. */
const sourceId = 'woo-verzoeken';

let server: Awaited<ReturnType<typeof serverForTests>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let scratch: string;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  scratch = mkdtempSync(join(tmpdir(), 'koers-e2e-sources-'));
  server = await serverForTests();
  browser = await launchBrowser();
  await waitForResults(server.baseUrl, (await signIn(server.baseUrl, 'data@demo.koers.nl')).cookie, municipalityId);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the data team refreshes a source in the browser', () => {
  it('signs in, uploads a CSV, sees the preview, confirms, and sees the new version in use', async () => {
    // The demo's own file with two more requests: a new version whose rows the preview must count.
    const current = readFileSync(join(workspaceRoot, 'data/demo', municipalityId, 'data', `${sourceId}.csv`), 'utf8');
    const rowsBefore = current.trimEnd().split('\n').length - 1;
    const next = `${current.trimEnd()}\n2026-11-02,handhaving,true,12\n2026-11-03,ruimtelijke ordening,false,61\n`;
    const file = join(scratch, 'woo-verzoeken-november.csv');
    writeFileSync(file, next);

    await page.goto(`${server.baseUrl}/${municipalityId}/bronnen`);
    await signInWithKeyboard(page, 'data@demo.koers.nl');
    await page.getByRole('heading', { name: 'Bronnen van Uithoorn' }).waitFor();
    await page.getByRole('link', { name: 'Bronnen', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Woo-verzoeken', exact: true }).click();
    await page.getByRole('heading', { name: 'Woo-verzoeken', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Bewaarde versies, nieuwste eerst' }).count()).toBe(0);

    await page.getByLabel('Nieuwe versie van deze bron').setInputFiles(file);
    await page.getByRole('button', { name: 'Uploaden en controleren' }).click();

    const preview = page.getByRole('region', { name: 'Voorbeeld van de nieuwe versie' });
    await preview.getByText('Het bestand laadt').waitFor({ timeout: 60_000 });
    expect(await preview.getByRole('status').innerText()).toBe(`Het bestand laadt: ${(rowsBefore + 2).toLocaleString('nl-NL')} rijen en 4 kolommen (CSV).`);
    const columns = await preview.getByRole('table', { name: /^Kolommen/ }).locator('tbody th').allInnerTexts();
    expect(columns).toEqual(['ontvangstdatum', 'onderwerp', 'afgehandeld_binnen_termijn', 'doorlooptijd_dagen']);
    expect(await preview.getByRole('table', { name: /^De eerste \d+ rijen/ }).locator('tbody tr').first().innerText()).toContain('2021-01-05');
    expect(await findAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, 'sources-preview.png'), fullPage: true });

    await page.getByRole('button', { name: 'Deze versie in gebruik nemen' }).click();
    // The first upload keeps the workspace's own file as version 1; this one is version 2.
    await page.getByText('Klaar: versie 2 is in gebruik').waitFor({ timeout: 120_000 });
    expect(await page.locator('.steps li').evaluateAll((steps) => steps.map((step) => step.className))).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);

    const versions = page.getByRole('table', { name: 'Bewaarde versies, nieuwste eerst' });
    await versions.waitFor();
    const rows = await versions.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^2\s+in gebruik\s+data@demo\.koers\.nl/);
    expect(rows[0]).toContain((rowsBefore + 2).toLocaleString('nl-NL'));
    expect(rows[1]).toMatch(/^1\s+het bestand in de werkmap/);
    expect(await findAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, 'sources-new-version.png'), fullPage: true });
  });
});
