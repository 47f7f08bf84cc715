import type { IndicatorDetail } from '@koers/domain';
import { type ChartOption, seriesStyle } from '../../charts/chart-option';
import { periodLineChart } from '../../charts/period-line-chart';
import { formatPeriod } from '../../format/dutch-format';

/** One row of the series: the numbers the chart draws and its table shows. */
export interface SeriesRow {
  readonly period: string;
  readonly value: number | null;
  /** The target of the period's year, or null. */
  readonly target: number | null;
  /** The change against the previous period, or null. */
  readonly delta: number | null;
}

/** The rows of the series chart and its table, ascending by period. */
export function seriesRows(detail: IndicatorDetail): SeriesRow[] {
  const targetByYear = new Map(detail.targets.map((target) => [target.year, target.value]));
  return detail.series.map((value) => ({
    period: value.period,
    value: value.value,
    target: targetByYear.get(value.period.slice(0, 4)) ?? null,
    delta: value.previous?.delta ?? null,
  }));
}

/**
 * The line chart of an indicator: its values, the target of each year (a
 * dashed step line) and the baseline (a dotted level line), each named in the legend.
 */
export function seriesChartOption(detail: IndicatorDetail): ChartOption {
  const rows = seriesRows(detail);
  const hasTargets = rows.some((row) => row.target !== null);
  const baseline = detail.baseline;
  const baselineName = baseline === null ? '' : `Nulmeting (${formatPeriod(baseline.period)})`;
  return periodLineChart({
    periods: rows.map((row) => row.period),
    unit: detail.summary.unit,
    decimals: detail.summary.decimals,
    series: [
      {
        type: 'line',
        name: 'Waarde',
        data: rows.map((row) => row.value),
        color: seriesStyle(0).color,
        symbol: seriesStyle(0).symbol,
        symbolSize: 7,
        lineStyle: { width: 3 },
        connectNulls: false,
      },
      ...(hasTargets
        ? [
            {
              type: 'line' as const,
              name: 'Streefwaarde',
              data: rows.map((row) => row.target),
              color: seriesStyle(2).color,
              symbol: 'none',
              step: 'middle' as const,
              lineStyle: { type: 'dashed' as const, width: 2 },
            },
          ]
        : []),
      ...(baseline === null || baseline.value === null
        ? []
        : [
            {
              type: 'line' as const,
              name: baselineName,
              data: rows.map(() => baseline.value),
              color: '#5b5f66',
              symbol: 'none',
              lineStyle: { type: 'dotted' as const, width: 2 },
            },
          ]),
    ],
  });
}
