import type { IndicatorComparison } from '@koers/domain';
import { type ChartOption, seriesStyle } from '../../charts/chart-option';
import { periodLineChart } from '../../charts/period-line-chart';

/** One period of the comparison: each municipality's value, in the order of `comparison.municipalities`. */
export interface ComparisonRow {
  readonly period: string;
  readonly values: readonly (number | null)[];
}

/** Every period any municipality has, ascending, with each municipality's value (null where it has none). */
export function comparisonRows(comparison: IndicatorComparison): ComparisonRow[] {
  const periods = [...new Set(comparison.municipalities.flatMap((entry) => entry.values.map((value) => value.period)))].sort();
  const byMunicipality = comparison.municipalities.map(
    (entry) => new Map(entry.values.map((value) => [value.period, value.value])),
  );
  return periods.map((period) => ({ period, values: byMunicipality.map((values) => values.get(period) ?? null) }));
}

/** A line per municipality, each with its own colour and symbol, named in the legend. */
export function comparisonChartOption(comparison: IndicatorComparison): ChartOption {
  const rows = comparisonRows(comparison);
  return periodLineChart({
    periods: rows.map((row) => row.period),
    unit: comparison.unit,
    decimals: comparison.decimals,
    series: comparison.municipalities.map((entry, index) => ({
      type: 'line' as const,
      name: entry.municipality.name,
      data: rows.map((row) => row.values[index] ?? null),
      color: seriesStyle(index).color,
      symbol: seriesStyle(index).symbol,
      symbolSize: 8,
      lineStyle: { width: 3 },
    })),
  });
}
