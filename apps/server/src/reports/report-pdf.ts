import type { ReportSnapshot } from '@koers/domain';
import { chromium } from 'playwright-core';
import { renderReportHtml } from './report-html';

/** Where Debian's Chromium is; `CHROMIUM_PATH` says otherwise. */
export function chromiumPath(): string {
  return process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
}

/**
 * A published report as a print-quality PDF (A4): its HTML printed by
 * Chromium (playwright-core), headless, with no network: the page holds
 * everything, charts as SVG. One browser per export, closed after it.
 */
export async function renderReportPdf(snapshot: ReportSnapshot): Promise<Buffer> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    // Nothing leaves the machine: the report's page loads no resource.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(renderReportHtml(snapshot), { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
