import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAxeViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { type DashboardRoute, dashboardRoutes, indicatorsOf, signInRoute, trpcQuery } from './support/dashboard-routes';
import { hasVisibleFocus, tabTo } from './support/keyboard';
import { workspaceRoot } from './support/koers-server';
import { signedInContext, signIn } from './support/session';
import { serverForTests, waitForResults } from './support/test-server';

const screenshots = join(workspaceRoot, 'dist/e2e-screenshots');
const widths = [1280, 390] as const;

/** Per municipality of the seeds: a text of its governance program, verbatim from the seed. */
const seedPrograms = [
  { municipality: 'Uithoorn', text: 'Het bestuur maakt binnen de beschikbare middelen keuzes die effect creëren.' },
  { municipality: 'Hilversum', text: 'Effectief en efficiënt bestuurde stad' },
  { municipality: 'Diemen', text: 'Samen besturen' },
] as const;

/** The municipality the page checks visit: it has an off-track indicator in the demo. */
const municipalityId = 'uithoorn';

/** Who the page checks sign in as: the admin sees every page, the audit trail included. */
const admin = 'admin@demo.koers.nl';

let server: Awaited<ReturnType<typeof serverForTests>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let cookie: string;
let routes: DashboardRoute[];

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await serverForTests();
  browser = await launchBrowser();
  cookie = (await signIn(server.baseUrl, admin)).cookie;
  await waitForResults(server.baseUrl, cookie, municipalityId);
  routes = await dashboardRoutes(server.baseUrl, cookie, municipalityId);
  // A member of the college, as most readers of the live figures are (signing in itself is sign-in.e2e.ts).
  context = await signedInContext(browser, server.baseUrl, 'college@demo.koers.nl');
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

/** Opens `path` and waits until its content (not only its frame) is there and the charts are drawn. */
async function open(target: Page, path: string, readyText: string): Promise<void> {
  await target.goto(server.baseUrl + path);
  await target.getByText(readyText, { exact: false }).first().waitFor({ state: 'visible' });
  await target.locator('koers-load-state mat-progress-bar').waitFor({ state: 'detached' });
  for (const chart of await target.locator('koers-chart [role="img"]').all()) {
    await chart.locator('svg path').first().waitFor({ state: 'attached' });
  }
}

describe('the dashboard', () => {
  it('answers /health with JSON once ready', async () => {
    const response = await fetch(`${server.baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('opens on a municipality and says plainly that the figures are fictitious', async () => {
    await page.goto(server.baseUrl);
    await page.waitForURL(/\/[a-z][a-z0-9_-]*$/);
    await expect(page.getByText(/fictief/i).first().isVisible()).resolves.toBe(true);
  });

  for (const { municipality, text } of seedPrograms) {
    it(`shows the overview of ${municipality}, with its seed program`, async () => {
      await page.goto(server.baseUrl);
      await page.getByRole('combobox', { name: /gemeente/i }).click();
      await page.getByRole('option', { name: municipality }).click();
      await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible' });
    });
  }
});

describe('with the keyboard alone', () => {
  it('opens an off-track indicator from the overview, reads its chart, table and lineage, and downloads its CSV', async () => {
    const overview = await trpcQuery<Parameters<typeof indicatorsOf>[0]>(server.baseUrl, cookie, 'overview.get', { municipalityId });
    const offTrack = indicatorsOf(overview).find((indicator) => indicator.status === 'off_track');
    if (!offTrack) throw new Error(`the demo of ${municipalityId} has no off-track indicator to open`);
    const detail = await trpcQuery<{
      summary: { decimals: number | null; unit: string };
      series: { period: string; value: number | null }[];
    }>(server.baseUrl, cookie, 'indicators.get', { municipalityId, indicatorId: offTrack.id });
    const dutch = (value: number) =>
      new Intl.NumberFormat('nl-NL', {
        minimumFractionDigits: detail.summary.decimals ?? 0,
        maximumFractionDigits: detail.summary.decimals ?? 2,
      }).format(value);

    await open(page, `/${municipalityId}`, "Programma's");
    // The statuses are words, not only colours.
    const main = page.locator('main');
    await expect(main.getByText('Uit koers').first().isVisible()).resolves.toBe(true);
    await expect(main.getByText('Op koers').first().isVisible()).resolves.toBe(true);

    await tabTo(page, `main a[href="/${municipalityId}/indicatoren/${offTrack.id}"]`);
    expect(await hasVisibleFocus(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/${municipalityId}/indicatoren/${offTrack.id}`);
    await page.getByRole('heading', { level: 1, name: offTrack.title }).waitFor();

    // The chart is drawn and named; the table beside it has the same numbers, in Dutch.
    const chart = page.locator('koers-chart [role="img"]').first();
    await chart.locator('svg path').first().waitFor({ state: 'attached' });
    expect(await chart.getAttribute('aria-label')).toContain(offTrack.title);
    const tableValues = await page
      .locator('table')
      .first()
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.querySelector('td')?.textContent?.trim() ?? ''));
    expect(tableValues).toEqual(detail.series.map((value) => (value.value === null ? 'geen waarde' : dutch(value.value))));

    // "Hoe is dit berekend?" opens with Enter and shows the SQL.
    await tabTo(page, 'koers-lineage summary');
    await page.keyboard.press('Enter');
    const sql = page.locator('pre[aria-label="De SQL-query"]');
    await sql.waitFor({ state: 'visible' });
    expect(await sql.textContent()).toMatch(/select/i);

    // The CSV (Dutch Excel: `;`, decimal comma) holds the latest value on the row of its period.
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, 'a[download]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    const latest = detail.series.findLast((value) => value.value !== null);
    if (!latest || latest.value === null) throw new Error(`${offTrack.id} has no value`);
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header?.split(';').slice(0, 3)).toEqual(['Periode', 'Periode (code)', `Waarde (${detail.summary.unit})`]);
    const latestRow = rows.find((row) => row.split(';')[1] === latest.period)?.split(';');
    expect(latestRow?.[2]).toBe(String(latest.value).replace('.', ','));
  });
});

describe('every page', () => {
  for (const width of widths) {
    it(`passes axe-core (WCAG 2.1 AA) at ${width} px, and is photographed with its lineage open`, async () => {
      // Reduced motion: charts draw at once (no animation to catch half-way), the path users who ask for it take.
      const options = { viewport: { width, height: 900 }, reducedMotion: 'reduce' } as const;
      // The sign-in page for someone not signed in; every other page for an admin, who sees them all.
      const visits: { context: BrowserContext; route: DashboardRoute }[] = [];
      const signedOut = await browser.newContext(options);
      const signedIn = await signedInContext(browser, server.baseUrl, admin, options);
      visits.push({ context: signedOut, route: signInRoute }, ...routes.map((route) => ({ context: signedIn, route })));
      const found: string[] = [];
      try {
        for (const { context: visitor, route } of visits) {
          const target = visitor.pages()[0] ?? (await visitor.newPage());
          await open(target, route.path, route.readyText);
          const lineage = target.locator('koers-lineage details');
          if ((await lineage.count()) > 0) await lineage.evaluate((details) => details.setAttribute('open', ''));
          const violations = await findAxeViolations(target);
          found.push(...violations.map((violation) => `${route.path} (${width} px): ${violation.id}: ${violation.help}\n  ${violation.nodes.join('\n  ')}`));
          await target.screenshot({ path: join(screenshots, `${route.name}-${width}.png`), fullPage: true });
        }
      } finally {
        await signedOut.close();
        await signedIn.close();
      }
      expect(found).toEqual([]);
    });
  }
});
