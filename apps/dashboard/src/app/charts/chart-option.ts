import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/** The options of a dashboard chart: only the parts `echarts.setup.ts` registers (types only, nothing loads). */
export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/**
 * Series colours, each at least 4.5:1 on white, and a symbol per series, so
 * lines differ by shape as well as by colour.
 */
export const seriesStyles = [
  { color: '#154273', symbol: 'circle' },
  { color: '#b4410c', symbol: 'rect' },
  { color: '#1b6e35', symbol: 'triangle' },
  { color: '#6b2fa3', symbol: 'diamond' },
  { color: '#a0151b', symbol: 'roundRect' },
] as const;

/** The style of the `index`-th series, repeating after the last. */
export function seriesStyle(index: number): (typeof seriesStyles)[number] {
  return seriesStyles[index % seriesStyles.length] ?? seriesStyles[0];
}

/** Text in charts: the page's font and a dark grey that reads on white. */
export const chartTextStyle = { fontFamily: 'Roboto, "Helvetica Neue", Arial, sans-serif', color: '#303338', fontSize: 13 };
