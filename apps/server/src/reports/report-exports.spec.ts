import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryCatalog, InMemoryReports, sampleCatalogContents, sampleReportContents } from '@koers/api/testing';
import type { ReportSnapshot } from '@koers/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportPdf } from './report-pdf';
import { buildReportWorkbook } from './report-xlsx';

/** The sample report of 2026-Q1 (a comment that looks like a formula), with one value made negative. */
async function sampleSnapshot(): Promise<ReportSnapshot> {
  const catalog = new InMemoryCatalog(sampleCatalogContents());
  const reports = new InMemoryReports(catalog, () => new Date('2026-11-30T12:00:00Z'), sampleReportContents(catalog.contents));
  const snapshot = await reports.liveSnapshot('uithoorn', { quarter: '2026-Q1', version: 1, correctionReason: null }, 'Proef college');
  return {
    ...snapshot,
    indicators: snapshot.indicators.map((indicator) =>
      indicator.id === 'woo-binnen-termijn' ? { ...indicator, decimals: 1, latest: { period: '2026-Q1', value: -3.5 }, values: [...indicator.values, { period: '2026-Q1', value: -3.5 }] } : indicator,
    ),
  };
}

/** The pixels of a binary PPM (P6) image: width, height and RGB bytes. */
function readPpm(bytes: Buffer): { width: number; height: number; rgb: Buffer } {
  const header = bytes.subarray(0, 40).toString('latin1').split(/\s+/);
  const [, width, height, max] = header;
  const offset = bytes.indexOf(Buffer.from(`${max}\n`), 2) + `${max}\n`.length;
  return { width: Number(width), height: Number(height), rgb: bytes.subarray(offset) };
}

describe('report exports', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'koers-report-exports-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('prints the PDF through Chromium: the program titles, the numbers and the charts are there', async () => {
    const pdf = await renderReportPdf(await sampleSnapshot());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = join(folder, 'rapportage.pdf');
    await writeFile(file, pdf);

    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Kwartaalrapportage 1e kwartaal 2026 — Uithoorn');
    for (const program of ['Bestuur en organisatie', 'Veiligheid']) expect(text).toContain(program);
    // The values as frozen, the Dutch way: 0,51 shoplifting per 1.000, 1,82 vandalism, 80% and the negative -3,5.
    for (const number of ['0,51', '1,82', '-3,5', '0,54']) expect(text).toContain(number);
    expect(text).toContain('Uitwerken Bestuurskrachtonderzoek');

    execFileSync('pdftoppm', ['-r', '60', '-png', file, join(folder, 'pagina')]);
    execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', file, join(folder, 'ruw')]);
    const pngs = (await readdir(folder)).filter((name) => name.startsWith('pagina') && name.endsWith('.png'));
    expect(pngs.length).toBeGreaterThanOrEqual(1);
    // The charts: only they are drawn in blue (#1d4f91, the values) and orange (#b35c00, the dashed targets).
    const ppm = readPpm(await readFile(join(folder, (await readdir(folder)).find((name) => name.startsWith('ruw')) ?? '')));
    let blue = 0;
    let orange = 0;
    for (let at = 0; at + 2 < ppm.rgb.length; at += 3) {
      const [red, green, bluePart] = [ppm.rgb[at] ?? 0, ppm.rgb[at + 1] ?? 0, ppm.rgb[at + 2] ?? 0];
      if (Math.abs(red - 0x1d) < 40 && Math.abs(green - 0x4f) < 40 && Math.abs(bluePart - 0x91) < 40) blue += 1;
      if (red > green + 30 && green > bluePart + 20 && red - bluePart > 80) orange += 1;
    }
    expect(blue).toBeGreaterThan(200);
    expect(orange).toBeGreaterThan(20);
  }, 60_000);

  it('writes an Excel workbook that reads back: a comment =HYPERLINK(...) as text, -3,5 as a number', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildReportWorkbook(await sampleSnapshot())) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const values = workbook.getWorksheet('Indicatoren');
    const actions = workbook.getWorksheet('Acties');
    if (values === undefined || actions === undefined) throw new Error('the workbook misses a sheet');

    const rows = values.getSheetValues().filter((row): row is ExcelJS.CellValue[] => Array.isArray(row));
    expect(rows[0]).toEqual([undefined, 'Indicator', 'Titel', 'Periode', 'Waarde', 'Streefwaarde', 'Eenheid', 'Status']);
    const negative = rows.find((row) => row[1] === 'woo-binnen-termijn' && row[3] === '2026-Q1');
    expect(negative?.[4]).toBe(-3.5);
    const shop = rows.find((row) => row[1] === 'winkeldiefstallen' && row[3] === '2025-Q4');
    expect(shop?.slice(4, 8)).toEqual([0.51, 0.54, 'per 1.000 inwoners', 'op koers']);

    let comment: ExcelJS.Cell | undefined;
    actions.eachRow((row) => {
      const cell = row.getCell(5);
      if (String(cell.value).startsWith('=HYPERLINK')) comment = cell;
    });
    expect(comment?.type).toBe(ExcelJS.ValueType.String);
    expect(comment?.value).toBe('=HYPERLINK("http://example.invalid","klik")');
    expect(comment?.formula).toBeUndefined();
  });
});
