import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { apiResource } from '../../api/api-resource';
import { KOERS_CLIENT } from '../../api/koers-client';
import { ChartComponent } from '../../charts/chart.component';
import { formatNumber, formatPeriod } from '../../format/dutch-format';
import { PeriodPipe, ValuePipe } from '../../format/format.pipes';
import { type Breadcrumb, BreadcrumbsComponent } from '../../layout/breadcrumbs.component';
import { LoadStateComponent } from '../../layout/load-state.component';
import { pageTitle } from '../../layout/page-title';
import { StatusBadgeComponent } from '../../status/status-badge.component';
import { comparisonChartOption, comparisonRows } from './comparison-chart.option';

/**
 * `/:municipalityId/vergelijken/:indicatorId`: one indicator across the
 * municipalities of the installation, side by side: where each stands now,
 * and their series in one chart with a table of the same numbers.
 */
@Component({
  selector: 'koers-compare-page',
  imports: [BreadcrumbsComponent, ChartComponent, LoadStateComponent, PeriodPipe, RouterLink, StatusBadgeComponent, ValuePipe],
  templateUrl: './compare-page.component.html',
  styleUrl: './compare-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComparePageComponent {
  /** From the route: the municipality the reader came from, marked in the comparison. */
  readonly municipalityId = input.required<string>();
  /** From the route. */
  readonly indicatorId = input.required<string>();

  private readonly client = inject(KOERS_CLIENT);

  protected readonly comparison = apiResource({
    params: () => this.indicatorId(),
    loader: (indicatorId, signal) => this.client.indicators.compare.query({ indicatorId }, { signal }),
    notFoundHint: 'Kies een indicator bij Vergelijken.',
  });

  protected readonly heading = computed(() => {
    const title = this.comparison.value()?.title;
    return title === undefined ? 'Vergelijken' : `${title}: gemeenten vergeleken`;
  });

  protected readonly trail = computed<Breadcrumb[]>(() => [
    { label: 'Vergelijken', link: ['/', this.municipalityId(), 'vergelijken'] },
    { label: this.comparison.value()?.title ?? this.indicatorId() },
  ]);

  protected readonly rows = computed(() => {
    const comparison = this.comparison.value();
    return comparison === undefined ? [] : comparisonRows(comparison);
  });

  protected readonly chartOption = computed(() => {
    const comparison = this.comparison.value();
    return comparison === undefined ? null : comparisonChartOption(comparison);
  });

  protected readonly chartLabel = computed(() => {
    const comparison = this.comparison.value();
    const rows = this.rows();
    const first = rows[0];
    const last = rows.at(-1);
    if (comparison === undefined || first === undefined || last === undefined) return '';
    const names = comparison.municipalities.map((entry) => entry.municipality.name).join(', ');
    return (
      `Lijndiagram van ${comparison.title} (${comparison.unit}) voor ${names}, ` +
      `van ${formatPeriod(first.period)} tot ${formatPeriod(last.period)}. De cijfers staan ook in de tabel bij de grafiek.`
    );
  });

  constructor() {
    pageTitle(() => this.comparison.value()?.title);
  }

  protected cell(value: number | null | undefined): string {
    return value === null || value === undefined ? '' : formatNumber(value, this.comparison.value()?.decimals ?? null);
  }
}
