import { actionStandingWords, indicatorStatusWords } from '@koers/api';
import type { ReportSnapshot } from '@koers/domain';
import ExcelJS from 'exceljs';

/**
 * A text cell: always a string cell (`t="s"`), never a formula, so text that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return shows as the text
 * it is and is never evaluated.
 */
function setText(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
}

/** A number cell: stored as a number (negative ones too), shown with a decimal comma in Dutch Excel. */
function setNumber(cell: ExcelJS.Cell, value: number | null, decimals: number | null): void {
  if (value === null) return;
  cell.value = value;
  cell.numFmt = decimals === null || decimals === 0 ? (decimals === 0 ? '0' : 'General') : `0.${'0'.repeat(decimals)}`;
}

/**
 * A published report as an Excel workbook: a sheet of every indicator value
 * per period (with targets and the status), and a sheet of the actions with
 * their standing, percentage done and comment. Numbers are numbers; text that
 * looks like a formula stays text.
 */
export async function buildReportWorkbook(snapshot: ReportSnapshot): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Koers';
  workbook.created = new Date(snapshot.publishedAt);

  const values = workbook.addWorksheet('Indicatoren');
  values.columns = [
    { header: 'Indicator', key: 'id', width: 28 },
    { header: 'Titel', key: 'title', width: 44 },
    { header: 'Periode', key: 'period', width: 10 },
    { header: 'Waarde', key: 'value', width: 12 },
    { header: 'Streefwaarde', key: 'target', width: 12 },
    { header: 'Eenheid', key: 'unit', width: 20 },
    { header: 'Status', key: 'status', width: 18 },
  ];
  for (const indicator of snapshot.indicators) {
    const statusOf = new Map(indicator.statuses.map((entry) => [entry.period, entry.status]));
    for (const point of indicator.values) {
      const row = values.addRow([]);
      setText(row.getCell('id'), indicator.id);
      setText(row.getCell('title'), indicator.title);
      setText(row.getCell('period'), point.period);
      setNumber(row.getCell('value'), point.value, indicator.decimals);
      setNumber(row.getCell('target'), indicator.targets[point.period.slice(0, 4)] ?? null, indicator.decimals);
      setText(row.getCell('unit'), indicator.unit);
      const status = statusOf.get(point.period);
      setText(row.getCell('status'), status === undefined ? '' : indicatorStatusWords[status]);
    }
  }

  const actions = workbook.addWorksheet('Acties');
  actions.columns = [
    { header: 'Programma', key: 'program', width: 30 },
    { header: 'Actie', key: 'title', width: 44 },
    { header: 'Stand', key: 'standing', width: 18 },
    { header: 'Gereed (%)', key: 'percent', width: 12 },
    { header: 'Toelichting', key: 'comment', width: 60 },
  ];
  for (const program of snapshot.programs) {
    for (const action of program.tasks.flatMap((task) => task.actions)) {
      const row = actions.addRow([]);
      setText(row.getCell('program'), program.title);
      setText(row.getCell('title'), action.title);
      setText(row.getCell('standing'), actionStandingWords[action.standing]);
      setNumber(row.getCell('percent'), action.progress?.percent ?? null, 0);
      setText(row.getCell('comment'), action.progress?.comment ?? '');
    }
  }
  for (const sheet of [values, actions]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
