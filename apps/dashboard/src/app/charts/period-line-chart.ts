import type { LineSeriesOption } from 'echarts/charts';
import { formatPeriodShort, formatValue } from '../format/dutch-format';
import { valueAxis } from './axis-defaults';
import { type ChartOption, chartTextStyle } from './chart-option';

/**
 * A line chart over periods: Dutch period labels on the x axis (`K3 2025`),
 * Dutch numbers on the y axis, a legend on top and a tooltip that shows each
 * value with its unit.
 */
export function periodLineChart(options: {
  readonly periods: readonly string[];
  readonly unit: string;
  readonly decimals: number | null;
  readonly series: readonly LineSeriesOption[];
}): ChartOption {
  const { unit, decimals } = options;
  return {
    textStyle: chartTextStyle,
    grid: { left: 16, right: 24, top: 56, bottom: 16 },
    legend: { top: 0, left: 0, textStyle: chartTextStyle },
    tooltip: { trigger: 'axis', valueFormatter: (value) => formatValue(typeof value === 'number' ? value : null, unit, decimals) },
    xAxis: {
      type: 'category',
      data: options.periods.map(formatPeriodShort),
      axisLabel: { color: chartTextStyle.color, hideOverlap: true },
    },
    yAxis: valueAxis(decimals),
    series: [...options.series],
  };
}
