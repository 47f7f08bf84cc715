import type { IndicatorReport } from '@koers/domain';
import { type ChartOption, seriesStyle } from '../charts/chart-option';
import { periodLineChart } from '../charts/period-line-chart';

/** One row of a dry run's table: a period, its value and the target of its year. */
export interface DryRunRow {
  readonly period: string;
  readonly value: number | null;
  readonly target: number | null;
}

/** The rows of a dry run, ascending by period, with the targets the form holds (those that are numbers). */
export function dryRunRows(report: IndicatorReport, targets: readonly { readonly year: string; readonly value: string }[]): DryRunRow[] {
  const byYear = new Map(
    targets.flatMap((target) => {
      const value = Number(target.value.replace(',', '.'));
      return target.value.trim() !== '' && Number.isFinite(value) ? [[target.year.trim(), value] as const] : [];
    }),
  );
  return report.values.map((value) => ({ period: value.period, value: value.value, target: byYear.get(value.period.slice(0, 4)) ?? null }));
}

/** The line chart of a dry run: the values it computed and the target per year, as the indicator page draws them. */
export function dryRunChartOption(report: IndicatorReport, rows: readonly DryRunRow[]): ChartOption {
  const hasTargets = rows.some((row) => row.target !== null);
  return periodLineChart({
    periods: rows.map((row) => row.period),
    unit: report.unit,
    decimals: report.decimals,
    series: [
      { type: 'line', name: 'Proefberekening', data: rows.map((row) => row.value), color: seriesStyle(0).color, symbol: seriesStyle(0).symbol, symbolSize: 7, lineStyle: { width: 3 } },
      ...(hasTargets
        ? [{ type: 'line' as const, name: 'Streefwaarde', data: rows.map((row) => row.target), color: seriesStyle(2).color, symbol: 'none', step: 'middle' as const, lineStyle: { type: 'dashed' as const, width: 2 } }]
        : []),
    ],
  });
}
