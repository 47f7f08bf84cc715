import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { PeriodValue } from '@koers/domain';
import { formatNumber, formatPeriod } from '../format/dutch-format';

const width = 120;
const height = 32;
const padding = 3;

/**
 * A small line of the last values, drawn as plain SVG: cards show many of
 * them, and none is worth loading ECharts for. Its accessible name says where
 * the series went ("Verloop van 1e kwartaal 2025 tot 4e kwartaal 2025: van 0,61 naar 0,51").
 */
@Component({
  selector: 'koers-sparkline',
  template: `
    @if (points(); as points) {
      <svg
        role="img"
        [attr.aria-label]="description()"
        [attr.viewBox]="'0 0 ' + width + ' ' + height"
        [attr.width]="width"
        [attr.height]="height"
        focusable="false"
      >
        <polyline [attr.points]="points" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
        <circle [attr.cx]="lastPoint().x" [attr.cy]="lastPoint().y" r="3" fill="currentColor" />
      </svg>
    }
  `,
  styles: `
    :host {
      display: inline-block;
      color: var(--koers-brand-color);
      line-height: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SparklineComponent {
  /** The values, ascending by period; those without a value are left out. */
  readonly values = input.required<readonly PeriodValue[]>();
  readonly decimals = input<number | null>(null);

  protected readonly width = width;
  protected readonly height = height;

  private readonly coordinates = computed(() => {
    const values = this.values().filter((value): value is PeriodValue & { value: number } => value.value !== null);
    if (values.length < 2) return [];
    const numbers = values.map((value) => value.value);
    const low = Math.min(...numbers);
    const span = Math.max(...numbers) - low || 1;
    const step = (width - 2 * padding) / (values.length - 1);
    return values.map((value, index) => ({
      x: padding + index * step,
      y: height - padding - ((value.value - low) / span) * (height - 2 * padding),
      value,
    }));
  });

  /** Null with fewer than two values: a single dot says nothing about a course. */
  protected readonly points = computed(() => {
    const coordinates = this.coordinates();
    return coordinates.length < 2 ? null : coordinates.map(({ x, y }) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
  });

  protected readonly lastPoint = computed(() => this.coordinates().at(-1) ?? { x: 0, y: 0 });

  protected readonly description = computed(() => {
    const coordinates = this.coordinates();
    const first = coordinates[0]?.value;
    const last = coordinates.at(-1)?.value;
    if (first === undefined || last === undefined) return '';
    const decimals = this.decimals();
    return (
      `Verloop van ${formatPeriod(first.period)} tot ${formatPeriod(last.period)}: ` +
      `van ${formatNumber(first.value, decimals)} naar ${formatNumber(last.value, decimals)}`
    );
  });
}
