import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAxeViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { workspaceRoot } from './support/koers-server';
import { signedInContext, signIn } from './support/session';
import { serverForTests, waitForResults } from './support/test-server';

const screenshots = join(workspaceRoot, 'dist/e2e-screenshots');

let server: Awaited<ReturnType<typeof serverForTests>>;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** The quarter the walk reports on: opened by the college, compared with the demo's last published quarter. */
let quarter = '';
/** Axe findings per page, gathered along the walk. */
const violations: string[] = [];

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await serverForTests();
  browser = await launchBrowser();
  const college = await signIn(server.baseUrl, 'college@demo.koers.nl');
  await waitForResults(server.baseUrl, college.cookie, 'uithoorn');
  // The demo publishes its past quarters once its first results are stored: wait for them too.
  const deadline = Date.now() + 120_000;
  for (;;) {
    const response = await fetch(`${server.baseUrl}/trpc/reports.list?input=${encodeURIComponent(JSON.stringify({ municipalityId: 'uithoorn' }))}`, { headers: { cookie: college.cookie } });
    const list = (await response.json()) as { result?: { data: { reports: { quarter: string }[]; openQuarters: string[] } } };
    const data = list.result?.data;
    // Four quarters, published one after the other: wait for the last.
    if (data !== undefined && data.reports.length >= 4) {
      // The oldest ended quarter without a report that directly follows a published one.
      const published = new Set(data.reports.map((report) => report.quarter));
      quarter = [...data.openQuarters].reverse().find((candidate) => published.has(previousQuarter(candidate))) ?? data.openQuarters.at(-1) ?? '';
      break;
    }
    if (Date.now() > deadline) throw new Error('the demo published no reports for Uithoorn within 120 s');
    await new Promise((wait) => setTimeout(wait, 1_000));
  }
}, 300_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

function previousQuarter(label: string): string {
  const year = Number(label.slice(0, 4));
  const number = Number(label.slice(6));
  return number === 1 ? `${year - 1}-Q4` : `${year}-Q${number - 1}`;
}

async function pageAs(email: string | null): Promise<Page> {
  const context = email === null ? await browser.newContext({ viewport: { width: 1280, height: 900 } }) : await signedInContext(browser, server.baseUrl, email);
  contexts.push(context);
  return context.newPage();
}

/** Runs axe on the page as it stands and keeps what it finds, with a screenshot. */
async function checkAccessibility(page: Page, name: string): Promise<void> {
  const found = await findAxeViolations(page);
  violations.push(...found.map((violation) => `${name}: ${violation.id}: ${violation.help}\n  ${violation.nodes.join('\n  ')}`));
  await page.screenshot({ path: join(screenshots, `report-${name}.png`), fullPage: true });
}

describe('a quarter reported to the council', () => {
  it('the college opens the draft, which opens on its exceptions; approval waits until each is explained', async () => {
    expect(quarter).toMatch(/^\d{4}-Q[1-4]$/);
    const page = await pageAs('college@demo.koers.nl');
    await page.goto(`${server.baseUrl}/uithoorn/rapportages`);
    await page.getByRole('heading', { name: 'Rapportage opstellen' }).waitFor();
    await checkAccessibility(page, 'list-college');
    const quarterWords = `${quarter.slice(6)}e kwartaal ${quarter.slice(0, 4)}`;
    await page.getByRole('button', { name: `Rapportage ${quarterWords} openen` }).click();
    await page.waitForURL(`**/uithoorn/rapportages/${quarter}`);
    await page.getByRole('heading', { name: 'Uitzonderingen' }).waitFor();
    await page.getByRole('button', { name: 'Goedkeuren' }).waitFor();
    const headings = await page.locator('main h2').allInnerTexts();
    expect(headings.indexOf('Uitzonderingen')).toBeLessThan(headings.indexOf("Programma's"));
    expect(await page.locator('details.program[open]').count()).toBe(0);
    await checkAccessibility(page, 'draft');

    const forms = page.locator('.exception form');
    const exceptions = await forms.count();
    if (exceptions > 0) {
      await page.getByRole('button', { name: 'Goedkeuren' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(/De rapportage kan nog niet worden goedgekeurd: (één uitzondering mist|\d+ uitzonderingen missen) een toelichting\./);
    }
    for (let index = 0; index < exceptions; index += 1) {
      const form = forms.nth(index);
      await form.getByLabel('Oorzaak').fill(`Oorzaak ${index + 1}: meer aanvragen dan verwacht.`);
      await form.getByLabel('Gevolg').fill('Het doel van dit jaar komt later in zicht.');
      await form.getByLabel('Bijsturing').fill('Het college zet extra capaciteit in.');
      await form.getByRole('button', { name: 'Toelichting opslaan' }).click();
      await page.getByText(/De toelichting bij .* is opgeslagen\./).waitFor();
    }
    await page.getByRole('button', { name: 'Goedkeuren' }).click();
    await page.getByText('De rapportage is goedgekeurd.').waitFor();
    await page.getByRole('button', { name: 'Publiceren aan de raad' }).click();
    await page.getByText('De rapportage is gepubliceerd aan de raad.').waitFor();
    // Published, the programs read unfolded.
    await page.locator('details.program[open]').first().waitFor();
    await page.getByText('Gepubliceerd aan de raad, versie 1').waitFor();
  });

  it('a council member reads it, compares it with the quarter before, and asks a question that the college answers', async () => {
    const council = await pageAs('raad@demo.koers.nl');
    await council.goto(`${server.baseUrl}/uithoorn/rapportages/${quarter}`);
    await council.getByRole('heading', { name: 'Vragen van de raad' }).waitFor();
    const comparison = await council.locator('[aria-labelledby="vergelijking-titel"]').innerText();
    expect(comparison).toContain('Indicatoren die van status veranderden');
    expect(comparison).not.toContain('is geen rapportage gepubliceerd');
    expect(await council.locator('koers-sparkline svg').count()).toBeGreaterThan(0);
    await checkAccessibility(council, 'published-council');

    await council.getByLabel('Uw vraag').fill('Wat doet het college aan de uitzonderingen van dit kwartaal?');
    await council.getByRole('button', { name: 'Vraag stellen' }).click();
    await council.getByText('Uw vraag is gesteld.').waitFor();

    const college = await pageAs('college@demo.koers.nl');
    await college.goto(`${server.baseUrl}/uithoorn/rapportages/${quarter}`);
    await college.getByLabel('Antwoord').fill('Het college zet extra capaciteit in; zie de bijsturing per effect.');
    await college.getByRole('button', { name: 'Antwoord opslaan' }).click();
    await college.getByText('Het antwoord is opgeslagen.').waitFor();

    await council.reload();
    await council.getByText('Antwoord van Portefeuillehouder (demo): Het college zet extra capaciteit in; zie de bijsturing per effect.').waitFor();

    await council.goto(`${server.baseUrl}/uithoorn/rapportages`);
    await council.getByLabel('Zoekwoorden').fill('extra capaciteit');
    await council.getByRole('button', { name: 'Zoeken' }).click();
    await council.locator('.hits li').first().waitFor();
    await checkAccessibility(council, 'list-council-search');

    // Diemen's motion of seed 004: its own entity, seven numbered points with the college's response.
    await council.goto(`${server.baseUrl}/diemen/moties`);
    await council.getByRole('heading', { name: 'Motie Motie begroting 2021: Sturing op uitvoering' }).waitFor();
    expect(await council.locator('.points > li').count()).toBe(7);
    await checkAccessibility(council, 'motions');
  });

  it('is public without sign-in, with the same numbers as the JSON, and a report that is not public reads like none', async () => {
    const visitor = await pageAs(null);
    await visitor.goto(`${server.baseUrl}/public/uithoorn/reports/${quarter}`);
    await visitor.getByText('De cijfers van deze rapportage als JSON').waitFor();
    const json = (await (await fetch(`${server.baseUrl}/public/uithoorn/reports/${quarter}.json`)).json()) as { version: number; indicators: { id: string; title: string }[] };
    expect(json.version).toBe(1);
    const text = await visitor.locator('main').innerText();
    for (const indicator of json.indicators.slice(0, 5)) expect(text).toContain(indicator.title);
    await checkAccessibility(visitor, 'public');
    // The same report as a PDF, printed by the built server through Chromium.
    const pdf = await fetch(`${server.baseUrl}/public/uithoorn/reports/${quarter}.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    writeFileSync(join(screenshots, `report-${quarter}.pdf`), bytes);

    await visitor.goto(`${server.baseUrl}/public/diemen/reports/${quarter}`);
    await visitor.getByText('Deze rapportage bestaat niet, of is niet openbaar.').waitFor();
    await checkAccessibility(visitor, 'public-not-found');
  });

  it('the college records a new motion with its numbered points, and the council reads it', async () => {
    const college = await pageAs('college@demo.koers.nl');
    await college.goto(`${server.baseUrl}/uithoorn/moties`);
    await college.getByRole('heading', { name: 'Nieuwe motie of toezegging' }).waitFor();
    // A reference of this run, so a server kept running takes it again.
    const reference = `M-e2e-${Date.now().toString(36)}`;
    await college.getByRole('button', { name: 'Vastleggen' }).click();
    await college.getByText('Vul het kenmerk in').waitFor();
    await college.getByLabel('Kenmerk').fill(reference);
    await college.getByLabel('Aangenomen op').fill('2026-06-12');
    await college.getByLabel('Titel', { exact: true }).fill('Veilig naar school');
    await college.getByLabel('Punt 1', { exact: true }).fill('Het college legt schoolzones aan.');
    await college.getByLabel('Gaat over programma').first().selectOption({ label: 'Veiligheid' });
    await college.getByRole('button', { name: 'Punt toevoegen' }).click();
    // The new point's text has the focus.
    await college.keyboard.type('Het college rapporteert ieder kwartaal over de voortgang.');
    await college.getByRole('button', { name: 'Vastleggen' }).click();
    await college.getByText(`${reference} is vastgelegd.`).waitFor();
    await checkAccessibility(college, 'motion-new');

    const council = await pageAs('raad@demo.koers.nl');
    await council.goto(`${server.baseUrl}/uithoorn/moties`);
    const motion = council.getByRole('article', { name: `Motie ${reference}: Veilig naar school` });
    await motion.waitFor();
    expect(await motion.locator('.points > li .point-text').allInnerTexts()).toEqual([
      'Het college legt schoolzones aan.',
      'Het college rapporteert ieder kwartaal over de voortgang.',
    ]);
    expect(await council.locator('koers-motion-form').count()).toBe(0);
  });

  it('has no axe violations (WCAG 2.1 AA) on any report page it visited', () => {
    expect(violations).toEqual([]);
  });
});
