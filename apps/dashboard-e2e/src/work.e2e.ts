import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAxeViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { trpcQuery } from './support/dashboard-routes';
import { workspaceRoot } from './support/koers-server';
import { signedInContext, signIn } from './support/session';
import { serverForTests, waitForResults } from './support/test-server';

/**
 * The work of issue 8 as its users meet it, on the demo of Uithoorn: the team
 * lead of Team Economische Zaken reports on an action of that team (and on no
 * other team's, neither in the page nor by a forged request), the college
 * writes commentary on an effect, an admin edits a program, and a council
 * member reaches no editing screen and no mutation.
 */

const screenshots = join(workspaceRoot, 'dist/e2e-screenshots');
const municipalityId = 'uithoorn';
/** Actions of `data/demo/uithoorn/programs/economie.yaml`: one of the demo team lead's team, one of another team. */
const ownAction = 'accountmanagement-bedrijven';
const otherTeamsAction = 'vergunningen-horeca';

let server: Awaited<ReturnType<typeof serverForTests>>;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await serverForTests();
  browser = await launchBrowser();
  // The actions come from the computation that imports the programs: wait for it.
  await waitForResults(server.baseUrl, (await signIn(server.baseUrl, 'admin@demo.koers.nl')).cookie, municipalityId);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

async function pageAs(email: string): Promise<Page> {
  const context = await signedInContext(browser, server.baseUrl, email);
  contexts.push(context);
  return context.newPage();
}

/** A tRPC mutation over plain HTTP, as a script forging the dashboard's request would send it: status and error code. */
async function forgeMutation(
  cookie: string,
  procedure: string,
  input: unknown,
): Promise<{ status: number; code: string | undefined }> {
  const response = await fetch(`${server.baseUrl}/trpc/${procedure}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'x-koers-request': '1' },
    body: JSON.stringify(input),
  });
  const body = (await response.json().catch(() => ({}))) as { error?: { data?: { code?: string } } };
  return { status: response.status, code: body.error?.data?.code };
}

interface BoardAnswer {
  readonly actions: readonly {
    readonly id: string;
    readonly report: { readonly percent: number; readonly comment: string } | null;
  }[];
}

describe('the to-do on the start page', () => {
  it('gives the team lead the actions of their team to update this quarter, linking to the board', async () => {
    const page = await pageAs('teamlead@demo.koers.nl');
    await page.goto(`${server.baseUrl}/${municipalityId}`);
    const todo = page.getByRole('region', { name: /^Te doen in het \d+e kwartaal \d{4}$/ });
    await todo.waitFor();
    const links = todo.getByRole('link');
    await links.first().waitFor();
    const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(new RegExp(`^/${municipalityId}/acties`));
    expect(await findAxeViolations(page)).toEqual([]);
  });

  it('gives the college the commentary still open on the effects of its portfolio', async () => {
    const page = await pageAs('college@demo.koers.nl');
    await page.goto(`${server.baseUrl}/${municipalityId}`);
    const todo = page.getByRole('region', { name: /^Te doen in het/ });
    await todo
      .getByText(/^Toelichting bij ".+" over het \d+e kwartaal \d{4}$/)
      .first()
      .waitFor();
    expect(await todo.innerText()).toContain('Toelichting');
  });
});

describe('a team lead on the actions board', () => {
  it("updates an action of their own team inline, and finds no control for another team's", async () => {
    const page = await pageAs('teamlead@demo.koers.nl');
    await page.goto(`${server.baseUrl}/${municipalityId}/acties`);
    await page.getByText('U bent teamleider van').waitFor();
    expect(await page.locator('.lead').innerText()).toContain('Team Economische Zaken');

    const card = page.locator(`#actie-${ownAction}`);
    const form = card.locator('form');
    await form.getByLabel('Status').selectOption('on_schedule');
    await form.getByLabel('Percentage gereed').fill('60');
    const comment = `Gesprekken met twaalf bedrijven gevoerd (e2e ${Date.now()}).`;
    await form.getByLabel('Toelichting').fill(comment);
    // With the keyboard: focus on the button, Enter.
    await form.getByRole('button', { name: 'Voortgang opslaan' }).focus();
    await page.keyboard.press('Enter');
    await card.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    await card.getByText(`“${comment}”`).waitFor();
    expect(await card.locator('.standing').innerText()).toContain('Stand: Op schema — 60% gereed');

    // Another team's action: shown, but without a form or any button.
    const other = page.locator(`#actie-${otherTeamsAction}`);
    await other.waitFor();
    expect(await other.locator('form, button, input, select, textarea').count()).toBe(0);
    expect(await other.innerText()).toContain('Team Vergunningen (Duo+)');

    expect(await findAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, 'actions-board-team-lead-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await findAxeViolations(page)).toEqual([]);

    // The stored report, as the server gives it.
    const { cookie } = await signIn(server.baseUrl, 'teamlead@demo.koers.nl');
    const board = await trpcQuery<BoardAnswer>(server.baseUrl, cookie, 'progress.board', { municipalityId });
    expect(board.actions.find((action) => action.id === ownAction)?.report).toMatchObject({ percent: 60, comment });
  });

  it("is refused a forged report on another team's action, and nothing is stored", async () => {
    const { cookie } = await signIn(server.baseUrl, 'teamlead@demo.koers.nl');
    const before = await trpcQuery<BoardAnswer>(server.baseUrl, cookie, 'progress.board', { municipalityId });

    const forged = await forgeMutation(cookie, 'progress.save', {
      municipalityId,
      actionId: otherTeamsAction,
      status: 'done',
      percent: 100,
      comment: 'Vervalst.',
    });

    expect(forged).toEqual({ status: 403, code: 'FORBIDDEN' });
    const after = await trpcQuery<BoardAnswer>(server.baseUrl, cookie, 'progress.board', { municipalityId });
    expect(after.actions.find((action) => action.id === otherTeamsAction)?.report).toEqual(
      before.actions.find((action) => action.id === otherTeamsAction)?.report,
    );
  });

  it('shows the college per team who has not yet reported, without a form', async () => {
    const page = await pageAs('college@demo.koers.nl');
    await page.goto(`${server.baseUrl}/${municipalityId}/acties`);
    const reporting = page.locator('section.reporting');
    await reporting.getByRole('heading', { name: /Wie heeft nog niet gerapporteerd/ }).waitFor();
    expect(await reporting.getByRole('row', { name: /Team Economische Zaken/ }).innerText()).toContain(
      'Teamleider (demo)',
    );
    expect(await page.locator('koers-progress-form').count()).toBe(0);
  });
});

describe('an editing page opened by its address', () => {
  it('says "geen toegang" to a team lead on the program editor, with no form', async () => {
    const page = await pageAs('teamlead@demo.koers.nl');
    await page.goto(`${server.baseUrl}/${municipalityId}/programmas/economie/bewerken`);
    await page.getByRole('alert').filter({ hasText: 'U heeft geen toegang' }).waitFor();
    expect(await page.locator('main form').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Programma bewerken' }).count()).toBe(0);
  });
});

describe('the college', () => {
  it('writes commentary on an effect on the program page, and reads it on the indicator page', async () => {
    const page = await pageAs('college@demo.koers.nl');
    await page.goto(`${server.baseUrl}/${municipalityId}/programmas/economie`);
    await page.getByRole('button', { name: /^Toelichting (schrijven|aanpassen) bij Meer banen in Uithoorn$/ }).click();
    const text = `Meer banen door de nieuwe bedrijven op het bedrijventerrein (e2e ${Date.now()}).`;
    await page.getByLabel(/^Toelichting over het \d+e kwartaal \d{4}$/).fill(text);
    await page.getByRole('button', { name: 'Toelichting opslaan' }).click();

    const shown = page.getByRole('group', { name: /Toelichting van het college/ });
    await shown.getByText(text).waitFor();
    expect(await shown.innerText()).toContain('Portefeuillehouder (demo)');
    expect(await findAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, 'program-commentary-college-1280.png'), fullPage: true });

    await page.goto(`${server.baseUrl}/${municipalityId}/indicatoren/banen`);
    await page.getByText(text).waitFor();
  });
});

describe('an admin', () => {
  it("edits an action's due date in the program editor, and the file is saved", async () => {
    const page = await pageAs('admin@demo.koers.nl');
    await page.goto(`${server.baseUrl}/${municipalityId}/programmas/economie`);
    await page.getByRole('link', { name: 'Programma bewerken' }).click();
    await page.waitForURL('**/programmas/economie/bewerken');
    const due = page.locator('#veld-tasks-0-actions-1-due');
    await due.fill('2027-06-30');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen in programs/economie.yaml.' }).waitFor();
    expect(await findAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await findAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, 'program-editor-390.png'), fullPage: true });
  });
});

/** Every procedure and HTTP route of the access table, read from its source (this project imports neither api nor server). */
function accessTableEntries(): string[] {
  const source = readFileSync(join(workspaceRoot, 'libs/api/src/lib/access/access-table.ts'), 'utf8');
  return [...source.matchAll(/^\s+'([^']+)': \{ kind:/gm)].map((match) => match[1] ?? '');
}

describe('a council member', () => {
  it('reaches no editing screen: the addresses lead to the reports page', async () => {
    const page = await pageAs('raad@demo.koers.nl');
    for (const path of [`/${municipalityId}/acties`, `/${municipalityId}/programmas/economie/bewerken`]) {
      await page.goto(server.baseUrl + path);
      await page.waitForURL(`**/${municipalityId}/rapportages`);
      await page.getByRole('heading', { level: 1, name: /^Kwartaalrapportages van / }).waitFor();
      // Nothing to edit: the reports list's search is the only form.
      expect(await page.locator('main form:not([role="search"]), main textarea').count()).toBe(0);
    }
    expect(await page.getByRole('navigation', { name: 'Onderdelen' }).innerText()).toBe('Rapportages');
  });

  /** The mutations the access table grants the council itself: its questions on a report. */
  const councilMutations = new Set(['questions.ask']);

  it('is refused every other mutation of the access table with 403 FORBIDDEN', async () => {
    const { cookie } = await signIn(server.baseUrl, 'raad@demo.koers.nl');
    const entries = accessTableEntries();
    expect(entries.length).toBeGreaterThan(10);
    const answers: Record<string, string> = {};
    for (const entry of entries) {
      if (entry.startsWith('GET ') || councilMutations.has(entry)) continue;
      const route = /^(POST|PUT|PATCH|DELETE) (\S+)$/.exec(entry);
      if (route) {
        // A route of the table (another branch's upload, say): any other method than GET changes something.
        const path = (route[2] ?? '').replace(':municipalityId', municipalityId).replace(/:[A-Za-z]+/g, 'onbekend');
        const response = await fetch(server.baseUrl + path, {
          method: route[1],
          headers: { cookie, 'content-type': 'application/json', 'x-koers-request': '1' },
          body: '{}',
        });
        answers[entry] = `${response.status}`;
        continue;
      }
      // A query answers a POST with 405 before anything else; every other procedure is a mutation and must be refused.
      const forged = await forgeMutation(cookie, entry, { municipalityId });
      if (forged.status !== 405) answers[entry] = `${forged.status} ${forged.code}`;
    }
    expect(Object.keys(answers)).toEqual(
      expect.arrayContaining(['computations.run', 'programEditor.save', 'progress.save', 'commentary.save']),
    );
    for (const [entry, answer] of Object.entries(answers))
      expect(answer, entry).toBe(entry.includes(' ') ? '403' : '403 FORBIDDEN');
  });
});
