import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAxeViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { trpcQuery } from './support/dashboard-routes';
import { signedInContext, signIn, signInWithKeyboard } from './support/session';
import { workspaceRoot } from './support/koers-server';
import { serverForTests } from './support/test-server';

const screenshots = join(workspaceRoot, 'dist/e2e-screenshots');

let server: Awaited<ReturnType<typeof serverForTests>>;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await serverForTests();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

/** A fresh browser context (no cookies), closed after the run. */
async function freshContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  return context;
}

/** The status of a tRPC query over plain HTTP in the session `cookie`. */
async function statusOf(procedure: string, input: unknown, cookie: string): Promise<number> {
  const query = `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return (await fetch(`${server.baseUrl}/trpc/${procedure}${query}`, { headers: { cookie } })).status;
}

describe('signing in', () => {
  it('lists the demo accounts the server printed at start-up, with their password', async () => {
    const page = await (await freshContext()).newPage();
    await page.goto(`${server.baseUrl}/aanmelden`);
    await page.getByRole('heading', { name: 'Demo-accounts' }).waitFor();
    const demo = await page.locator('section.demo').innerText();

    expect(demo).toContain('koers-demo');
    const printed = server.output();
    if (printed !== null) {
      const emails = [...printed.matchAll(/^\s+(\S+@demo\.koers\.nl)\s/gm)].map((match) => match[1]);
      expect(emails.length).toBeGreaterThan(0);
      for (const email of emails) expect(demo).toContain(email);
    }
  });

  it('asks anyone not signed in to sign in first, with the keyboard alone, and then opens the page they asked for', async () => {
    const page = await (await freshContext()).newPage();
    await page.goto(`${server.baseUrl}/uithoorn/vergelijken`);
    await page.waitForURL('**/aanmelden?terug=%2Fuithoorn%2Fvergelijken');

    await signInWithKeyboard(page, 'college@demo.koers.nl');

    await page.waitForURL('**/uithoorn/vergelijken');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.locator('header .account').innerText()).toContain('Portefeuillehouder (demo)');
  });

  it('says so when the password is wrong, with focus on the message', async () => {
    const page = await (await freshContext()).newPage();
    await page.goto(`${server.baseUrl}/aanmelden`);

    await signInWithKeyboard(page, 'teamlead@demo.koers.nl', 'niet-het-wachtwoord');

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect((await alert.innerText()).trim()).toBe('Het e-mailadres of het wachtwoord klopt niet.');
    expect(await alert.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await findAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, 'sign-in-refused-1280.png'), fullPage: true });
  });

  it('ends the session with "Afmelden": the next page asks to sign in again, and the old cookie opens nothing', async () => {
    const context = await freshContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/aanmelden`);
    await signInWithKeyboard(page, 'college@demo.koers.nl');
    await page.waitForURL('**/diemen');
    const [session] = (await context.cookies()).filter((cookie) => cookie.name === 'koers_session');
    if (!session) throw new Error('signing in set no koers_session cookie');

    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.waitForURL('**/aanmelden');
    await page.goto(`${server.baseUrl}/uithoorn`);
    await page.waitForURL('**/aanmelden?terug=%2Fuithoorn');

    expect(await statusOf('overview.get', { municipalityId: 'uithoorn' }, `${session.name}=${session.value}`)).toBe(401);
  });
});

describe('the roles', () => {
  it('give a council member the reports page, and no live figures anywhere', async () => {
    const context = await freshContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/aanmelden`);
    await signInWithKeyboard(page, 'raad@demo.koers.nl');
    await page.waitForURL('**/rapportages');
    // The demo publishes its past quarters once computed: the page is the reports list either way.
    await page.getByRole('heading', { name: 'Zoeken in de rapportages' }).waitFor();

    for (const path of ['/uithoorn', '/uithoorn/vergelijken', '/hilversum/programmas/bestuur']) {
      await page.goto(server.baseUrl + path);
      await page.waitForURL(`**/${path.split('/')[1]}/rapportages`);
      await page.getByRole('heading', { name: 'Zoeken in de rapportages' }).waitFor();
    }
    expect(await page.getByRole('navigation', { name: 'Onderdelen' }).innerText()).toBe('Rapportages');
    expect(await findAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, 'council-1280.png'), fullPage: true });
    const { cookie } = await signIn(server.baseUrl, 'raad@demo.koers.nl');
    expect(await statusOf('overview.get', { municipalityId: 'uithoorn' }, cookie)).toBe(403);
  });

  it('give college-uithoorn only Uithoorn in the switcher, and refuse another municipality offering Uithoorn', async () => {
    const context = await signedInContext(browser, server.baseUrl, 'college-uithoorn@demo.koers.nl');
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(server.baseUrl);
    await page.waitForURL('**/uithoorn');

    await page.getByRole('combobox', { name: /gemeente/i }).click();
    expect(await page.getByRole('option').allInnerTexts()).toEqual(['Uithoorn']);
    await page.keyboard.press('Escape');

    await page.goto(`${server.baseUrl}/hilversum`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('U heeft geen toegang tot deze gegevens van gemeente "hilversum".');
    expect(await alert.getByRole('link').allInnerTexts()).toEqual(['Uithoorn']);
  });

  it('let the data team recalculate from the overview, and an admin read who did in the audit trail', async () => {
    const dataTeam = await signedInContext(browser, server.baseUrl, 'data@demo.koers.nl');
    contexts.push(dataTeam);
    const page = await dataTeam.newPage();
    await page.goto(`${server.baseUrl}/diemen`);
    await page.getByRole('button', { name: 'Nu opnieuw berekenen' }).click();
    // Asked, then (the page asks again every 5 s) done: a Diemen computation takes seconds.
    await page.getByText(/^Aangevraagd|^Klaar/).waitFor();
    await page.getByText('Klaar: de indicatoren zijn opnieuw berekend').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('link', { name: 'Logboek' }).count()).toBe(0);

    const adminContext = await signedInContext(browser, server.baseUrl, 'admin@demo.koers.nl');
    contexts.push(adminContext);
    const adminPage = await adminContext.newPage();
    await adminPage.goto(`${server.baseUrl}/diemen`);
    await adminPage.getByRole('link', { name: 'Logboek' }).click();
    await adminPage.waitForURL('**/diemen/logboek');
    await adminPage.getByLabel('Onderdeel').selectOption('computation');
    await adminPage.getByRole('button', { name: 'Filteren' }).click();
    await adminPage.waitForURL('**/diemen/logboek?onderdeel=computation');
    const firstRow = adminPage.locator('tbody tr').first();
    await firstRow.waitFor();
    expect(await firstRow.innerText()).toMatch(/data@demo\.koers\.nl\s+Berekening\s+diemen\s+aangevraagd/);
    const { cookie } = await signIn(server.baseUrl, 'data@demo.koers.nl');
    expect(await statusOf('audit.list', { municipalityId: 'diemen' }, cookie)).toBe(403);
    expect(await trpcQuery<unknown[]>(server.baseUrl, (await signIn(server.baseUrl, 'admin@demo.koers.nl')).cookie, 'municipalities.list')).toHaveLength(3);
  });
});
