import { grainOfPeriod, type IndicatorReport, type StoredIndicator } from '@koers/domain';
import { csvFile, numberCell, textCell } from './csv-cell';

const quarterNames = ['1e', '2e', '3e', '4e'];
const monthNames = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** A period as the dashboard shows it: `2025`, `3e kwartaal 2025`, `maart 2025`. */
export function periodLabel(period: string): string {
  const year = period.slice(0, 4);
  switch (grainOfPeriod(period)) {
    case 'quarter':
      return `${quarterNames[Number(period.slice(6)) - 1] ?? ''} kwartaal ${year}`;
    case 'month':
      return `${monthNames[Number(period.slice(5)) - 1] ?? ''} ${year}`;
    default:
      return year;
  }
}

/**
 * The table behind an indicator's charts, one row per period: the value, the
 * target of that period's year, the baseline, and the value of every member
 * of every dimension (the breakdown chart shows one row of those). Null when
 * the indicator has no values yet.
 */
export function buildIndicatorCsv(stored: StoredIndicator): string | null {
  const report = stored.report;
  if (report === null) return null;
  const { indicator } = stored.definition;
  const members = memberColumns(report);
  const baseline = indicator.baseline ?? null;
  const header = [
    'Periode',
    'Periode (code)',
    `Waarde (${report.unit})`,
    'Streefwaarde',
    ...(baseline === null ? [] : [`Nulmeting (${periodLabel(String(baseline.period))})`]),
    ...members.map((column) => `${column.dimension}: ${column.member ?? '(onbekend)'}`),
  ];
  const rows = report.values.map((value) => {
    const target = indicator.targets[value.period.slice(0, 4)];
    return [
      textCell(periodLabel(value.period)),
      textCell(value.period),
      numberCell(value.value),
      numberCell(target ?? null),
      ...(baseline === null ? [] : [numberCell(baseline.value)]),
      ...members.map((column) => numberCell(column.values.get(value.period) ?? null)),
    ];
  });
  return csvFile([header.map(textCell), ...rows]);
}

function memberColumns(report: IndicatorReport) {
  return Object.entries(report.breakdown).flatMap(([dimension, values]) => {
    const byMember = new Map<string | null, Map<string, number | null>>();
    for (const value of values) {
      const periods = byMember.get(value.member) ?? new Map<string, number | null>();
      periods.set(value.period, value.value);
      byMember.set(value.member, periods);
    }
    return [...byMember.entries()].map(([member, periods]) => ({ dimension, member, values: periods }));
  });
}
