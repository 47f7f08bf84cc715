import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { ChartOption } from './chart-option';
import { provideCharts } from './provide-charts';

/** Whether the reader asked the system for less motion (WCAG 2.3.3); false where that cannot be asked (tests). */
function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * An ECharts chart, drawn as SVG, with an accessible name (`label`) that says
 * what it shows; the numbers themselves are in the table the page puts beside
 * it. Animation is off when the reader prefers reduced motion.
 */
@Component({
  selector: 'koers-chart',
  imports: [NgxEchartsDirective],
  // Here rather than in the app's providers: ngx-echarts then loads with the first page that has a chart.
  providers: [provideCharts()],
  template: `<div
    echarts
    class="chart"
    role="img"
    [attr.aria-label]="label()"
    [options]="resolvedOptions()"
    [initOpts]="initOptions"
    [style.height]="height()"
  ></div>`,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }

    .chart {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChartComponent {
  readonly options = input.required<ChartOption>();
  /** What the chart shows, for screen readers: "Lijndiagram van ..., met de streefwaarde per jaar". */
  readonly label = input.required<string>();
  /** A CSS height; ECharts needs one. */
  readonly height = input('20rem');

  protected readonly initOptions = { renderer: 'svg' as const };

  protected readonly resolvedOptions = computed<ChartOption>(() => ({
    ...this.options(),
    animation: !prefersReducedMotion(),
  }));
}
