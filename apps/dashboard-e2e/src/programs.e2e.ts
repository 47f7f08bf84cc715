import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { type RunningServer, startServer, workspaceRoot } from './support/koers-server';

const screenshots = join(workspaceRoot, 'dist/e2e-screenshots');

/** Per municipality of the seeds: its governance program and an effect, verbatim from the seed text. */
const seedPrograms = [
  { municipality: 'Uithoorn', text: 'Het bestuur maakt binnen de beschikbare middelen keuzes die effect creëren.' },
  { municipality: 'Hilversum', text: 'Effectief en efficiënt bestuurde stad' },
  { municipality: 'Diemen', text: 'Samen besturen' },
] as const;

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function chooseMunicipality(name: string): Promise<void> {
  await page.getByRole('combobox', { name: /gemeente/i }).click();
  await page.getByRole('option', { name }).click();
}

describe('the dashboard', () => {
  it('answers /health with JSON once ready', async () => {
    const response = await fetch(`${server.baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('opens on a municipality and says plainly that the figures are fictitious', async () => {
    await page.goto(server.baseUrl);
    await page.waitForURL(/\/[a-z][a-z0-9_-]*\/programmas$/);
    await expect(page.getByText(/fictief/i).first().isVisible()).resolves.toBe(true);
  });

  for (const { municipality, text } of seedPrograms) {
    it(`shows the programs of ${municipality}, with its seed program`, async () => {
      await page.goto(server.baseUrl);
      await chooseMunicipality(municipality);
      await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible' });
      await page.screenshot({ path: join(screenshots, `programs-${municipality.toLowerCase()}.png`), fullPage: true });
    });
  }

  it('lists more than the governance program for every municipality', async () => {
    const municipalities = (await (await fetch(`${server.baseUrl}/trpc/municipalities.list`)).json()) as {
      result: { data: { id: string }[] };
    };
    expect(municipalities.result.data.map((municipality) => municipality.id).sort()).toEqual([
      'diemen',
      'hilversum',
      'uithoorn',
    ]);
    for (const { id } of municipalities.result.data) {
      const input = encodeURIComponent(JSON.stringify({ municipalityId: id }));
      const programs = (await (await fetch(`${server.baseUrl}/trpc/programs.list?input=${input}`)).json()) as {
        result: { data: unknown[] };
      };
      expect(programs.result.data.length).toBeGreaterThanOrEqual(6);
    }
  });
});
