import type { Locator } from 'playwright-core';

/** The rows of the first table in `scope`, as the text of each cell, without the header row. */
export async function bodyRows(scope: Locator): Promise<string[][]> {
  return scope
    .locator('table')
    .first()
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim() ?? '')));
}
