import { formatNumber } from '../format/dutch-format';
import { chartTextStyle } from './chart-option';

/** A value axis with Dutch numbers (`1.234,5`) and light grid lines. */
export function valueAxis(decimals: number | null) {
  return {
    type: 'value' as const,
    scale: true,
    axisLabel: { formatter: (value: number) => formatNumber(value, decimals), color: chartTextStyle.color },
    splitLine: { lineStyle: { color: '#e0e2e6' } },
  };
}
