import type { Provider } from '@angular/core';
import { provideEchartsCore } from 'ngx-echarts';

/**
 * Makes `<div echarts>` work. ECharts is loaded on first use, from its own
 * lazy chunk. `ChartComponent` provides it itself, so neither ngx-echarts nor
 * ECharts is in the initial bundle.
 */
export function provideCharts(): Provider {
  return provideEchartsCore({ echarts: () => import('./echarts.setup').then((module) => module.echarts) });
}
