import type { Provider } from '@angular/core';
import { provideEchartsCore } from 'ngx-echarts';

/**
 * Makes `<div echarts>` available. ECharts is loaded on first use, from its own
 * lazy chunk, so pages without charts never download it.
 */
export function provideCharts(): Provider {
  return provideEchartsCore({ echarts: () => import('./echarts.setup').then((module) => module.echarts) });
}
