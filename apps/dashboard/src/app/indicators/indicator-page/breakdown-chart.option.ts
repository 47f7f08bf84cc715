import type { DimensionBreakdown } from '@koers/domain';
import { valueAxis } from '../../charts/axis-defaults';
import { type ChartOption, chartTextStyle, seriesStyle } from '../../charts/chart-option';
import { formatValue } from '../../format/dutch-format';

/** How the member of rows without one reads: the data had no value for the dimension there. */
export const unknownMemberLabel = 'Onbekend';

/** The label of a member: its name, or "Onbekend" for rows without one. */
export function memberLabel(member: string | null): string {
  return member ?? unknownMemberLabel;
}

/** A horizontal bar per member, in the order the breakdown lists them (top to bottom). */
export function breakdownChartOption(breakdown: DimensionBreakdown, unit: string, decimals: number | null): ChartOption {
  const members = [...breakdown.members].reverse();
  return {
    textStyle: chartTextStyle,
    grid: { left: 16, right: 32, top: 8, bottom: 16 },
    tooltip: { trigger: 'axis', valueFormatter: (value) => formatValue(typeof value === 'number' ? value : null, unit, decimals) },
    xAxis: { ...valueAxis(decimals), scale: false },
    yAxis: {
      type: 'category',
      data: members.map((member) => memberLabel(member.member)),
      axisLabel: { color: chartTextStyle.color },
    },
    series: [
      {
        type: 'bar',
        name: 'Waarde',
        data: members.map((member) => member.value),
        color: seriesStyle(0).color,
        barMaxWidth: 28,
      },
    ],
  };
}
