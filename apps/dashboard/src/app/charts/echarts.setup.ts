// Only the ECharts parts the dashboard draws with, so its lazy chunk holds no
// more than it uses. A chart type or component a new chart needs is added here
// and to `ChartOption` (chart-option.ts).
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { echarts };
