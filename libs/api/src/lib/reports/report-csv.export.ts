import type { ReportSnapshot } from '@koers/domain';
import { csvFile, numberCell, textCell } from '../exports/csv-cell';
import { actionStandingWords, indicatorStatusWords } from './report-words';

/**
 * Every number of a report as one CSV table for Dutch Excel (`;`, decimal
 * comma, BOM): each indicator's values per period, its targets per year and
 * its baseline, and each action's percentage done. Text a spreadsheet would
 * take for a formula is neutralised; negative numbers stay numbers.
 */
export function buildReportCsv(snapshot: ReportSnapshot): string {
  const rows: string[][] = [['Onderdeel', 'Id', 'Titel', 'Periode', 'Grootheid', 'Waarde', 'Eenheid', 'Status']];
  for (const indicator of snapshot.indicators) {
    const statusOf = new Map(indicator.statuses.map((entry) => [entry.period, entry.status]));
    const row = (period: string, quantity: string, value: number | null, status: string) =>
      rows.push(['indicator', indicator.id, indicator.title, period, quantity, numberCell(value), indicator.unit, status].map((cell, index) => (index === 5 ? cell : textCell(cell))));
    for (const value of indicator.values) {
      const status = statusOf.get(value.period);
      row(value.period, 'waarde', value.value, status === undefined ? '' : indicatorStatusWords[status]);
    }
    for (const [year, target] of Object.entries(indicator.targets).sort(([left], [right]) => left.localeCompare(right))) row(year, 'streefwaarde', target, '');
    if (indicator.baseline !== null) row(indicator.baseline.period, 'nulmeting', indicator.baseline.value, '');
  }
  for (const program of snapshot.programs) {
    for (const action of program.tasks.flatMap((task) => task.actions)) {
      rows.push(
        ['actie', action.id, action.title, action.progress?.quarter ?? snapshot.quarter, 'percentage gereed', numberCell(action.progress?.percent ?? null), '%', actionStandingWords[action.standing]].map(
          (cell, index) => (index === 5 ? cell : textCell(cell)),
        ),
      );
    }
  }
  return csvFile(rows);
}
