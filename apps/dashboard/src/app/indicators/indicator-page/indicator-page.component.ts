import { IndicatorCommentaryComponent } from '../../commentary/indicator-commentary/indicator-commentary.component';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import type { IndicatorDetail, Trend } from '@koers/domain';
import { apiResource } from '../../api/api-resource';
import { KOERS_CLIENT } from '../../api/koers-client';
import { ChartComponent } from '../../charts/chart.component';
import { ComputationNoticeComponent } from '../../computation/computation-notice.component';
import { refreshWhileCalculating } from '../../computation/refresh-while-calculating';
import {
  formatDateTime,
  formatDelta,
  formatNumber,
  formatPercentChange,
  formatPeriod,
  formatValue,
} from '../../format/dutch-format';
import { PeriodPipe, ValuePipe } from '../../format/format.pipes';
import { type Breadcrumb, BreadcrumbsComponent } from '../../layout/breadcrumbs.component';
import { warningIconPath } from '../../layout/icon-paths';
import { LoadStateComponent } from '../../layout/load-state.component';
import { pageTitle } from '../../layout/page-title';
import { MunicipalitiesStore } from '../../municipalities/municipalities.store';
import { StatusBadgeComponent } from '../../status/status-badge.component';
import { SessionStore } from '../../session/session.store';
import { mayEditDefinitions } from '../../indicator-editor/editor-access';
import { LineageComponent } from '../lineage/lineage.component';
import { breakdownChartOption, memberLabel } from './breakdown-chart.option';
import { seriesChartOption, seriesRows } from './series-chart.option';

/**
 * `/:municipalityId/indicatoren/:indicatorId?periode=2025-Q3`: one indicator.
 * Its series against the target per year and the baseline, the breakdown per
 * member for a chosen period, each chart with a table of the same numbers, the
 * trend figures, a CSV download, the programs that use it, and how it was computed.
 */
@Component({
  selector: 'koers-indicator-page',
  imports: [
    BreadcrumbsComponent,
    ChartComponent,
    ComputationNoticeComponent,
    IndicatorCommentaryComponent,
    LineageComponent,
    LoadStateComponent,
    MatFormFieldModule,
    MatInputModule,
    PeriodPipe,
    RouterLink,
    StatusBadgeComponent,
    ValuePipe,
  ],
  templateUrl: './indicator-page.component.html',
  styleUrl: './indicator-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IndicatorPageComponent {
  /** From the route. */
  readonly municipalityId = input.required<string>();
  /** From the route. */
  readonly indicatorId = input.required<string>();
  /** `?periode=`: the period of the breakdown; the latest when left out. */
  readonly periode = input<string | undefined>(undefined);

  private readonly client = inject(KOERS_CLIENT);
  private readonly router = inject(Router);
  private readonly municipalities = inject(MunicipalitiesStore);
  private readonly session = inject(SessionStore);

  protected readonly detail = apiResource({
    params: () => ({
      municipalityId: this.municipalityId(),
      indicatorId: this.indicatorId(),
      ...(this.periode() ? { period: this.periode() } : {}),
    }),
    loader: (params, signal) => this.client.indicators.get.query(params, { signal }),
    notFoundHint: 'Kies een indicator in het overzicht.',
    keepPreviousWhile: (previous, next) =>
      previous.municipalityId === next.municipalityId && previous.indicatorId === next.indicatorId,
  });

  protected readonly memberLabel = memberLabel;
  protected readonly warningIconPath = warningIconPath;

  protected readonly heading = computed(() => this.detail.value()?.summary.title ?? 'Indicator');

  protected readonly trail = computed<Breadcrumb[]>(() => {
    const municipalityId = this.municipalityId();
    const detail = this.detail.value();
    const name = detail?.municipality.name ?? this.municipalities.nameOf(municipalityId) ?? municipalityId;
    const program = detail?.usedBy[0];
    return [
      { label: name, link: ['/', municipalityId] },
      ...(program ? [{ label: program.programTitle, link: ['/', municipalityId, 'programmas', program.programId] }] : []),
      { label: this.heading() },
    ];
  });

  protected readonly rows = computed(() => {
    const detail = this.detail.value();
    return detail === undefined ? [] : seriesRows(detail);
  });

  protected readonly seriesOption = computed(() => {
    const detail = this.detail.value();
    return detail === undefined ? null : seriesChartOption(detail);
  });

  protected readonly seriesLabel = computed(() => {
    const detail = this.detail.value();
    const first = detail?.series[0];
    const last = detail?.series.at(-1);
    if (detail === undefined || first === undefined || last === undefined) return '';
    const extras = [
      ...(detail.targets.length > 0 ? ['de streefwaarde per jaar'] : []),
      ...(detail.baseline ? ['de nulmeting'] : []),
    ];
    return (
      `Lijndiagram van ${detail.summary.title} (${detail.summary.unit}), ` +
      `van ${formatPeriod(first.period)} tot ${formatPeriod(last.period)}` +
      (extras.length > 0 ? `, met ${extras.join(' en ')}` : '') +
      '. De cijfers staan ook in de tabel bij de grafiek.'
    );
  });

  protected readonly breakdowns = computed(() => {
    const detail = this.detail.value();
    if (detail === undefined) return [];
    const { unit, decimals, title } = detail.summary;
    const period = detail.breakdownPeriod === null ? '' : formatPeriod(detail.breakdownPeriod);
    return detail.breakdown.map((breakdown) => ({
      breakdown,
      /** The dimension as a column heading: "Wijk". */
      heading: breakdown.dimension.charAt(0).toUpperCase() + breakdown.dimension.slice(1),
      option: breakdownChartOption(breakdown, unit, decimals),
      label: `Staafdiagram van ${title} per ${breakdown.dimension} in het ${period}. De cijfers staan ook in de tabel bij de grafiek.`,
    }));
  });

  /** The trend figures of the latest value: against the previous period and a year earlier. */
  protected readonly trends = computed(() => {
    const detail = this.detail.value();
    if (detail === undefined) return [];
    const latest = detail.series.findLast((value) => value.value !== null);
    if (latest === undefined) return [];
    const describe = (label: string, trend: Trend | null) =>
      trend === null ? [] : [{ label: `${label} (${formatPeriod(trend.period)})`, text: this.trendText(detail, trend) }];
    // For a yearly indicator the previous period is the year before: say it once.
    const yearAgo = latest.yearAgo?.period === latest.previous?.period ? null : latest.yearAgo;
    return [...describe('Ten opzichte van de vorige periode', latest.previous), ...describe('Ten opzichte van een jaar eerder', yearAgo)];
  });

  /** The data team's link to this indicator's definition. */
  protected readonly canEdit = computed(() => mayEditDefinitions(this.session.viewer(), this.municipalityId()));
  protected readonly csvUrl = computed(() => `/api/${this.municipalityId()}/indicators/${this.indicatorId()}.csv`);

  protected readonly problem = computed(() => {
    const problem = this.detail.value()?.summary.problem;
    if (!problem) return null;
    const where = `${problem.file}${problem.line === null ? '' : `:${problem.line}`}${problem.field === null ? '' : ` (${problem.field})`}`;
    return {
      failedAt: formatDateTime(problem.failedAt),
      message: problem.message,
      where,
      age: problem.valuesComputedAt === null ? null : formatDateTime(problem.valuesComputedAt),
    };
  });

  constructor() {
    pageTitle(() => {
      const detail = this.detail.value();
      return detail === undefined ? undefined : `${detail.summary.title} · ${detail.municipality.name}`;
    });
    refreshWhileCalculating(
      () => this.detail.value()?.computation,
      () => this.detail.reload(),
    );
  }

  /** A number in a table cell: Dutch, in the indicator's decimals; "geen waarde" for none. */
  protected cell(value: number | null, detail: IndicatorDetail): string {
    return value === null ? 'geen waarde' : formatNumber(value, detail.summary.decimals);
  }

  /** A change in a table cell, signed; empty where there is nothing to compare with. */
  protected deltaCell(delta: number | null, detail: IndicatorDetail): string {
    return delta === null ? '' : formatDelta(delta, detail.summary.decimals);
  }

  /** Shows the breakdown of another period; the address keeps it (`?periode=`). */
  protected choosePeriod(period: string): void {
    void this.router.navigate([], { queryParams: { periode: period }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  private trendText(detail: IndicatorDetail, trend: Trend): string {
    const { decimals, unit } = detail.summary;
    const percent = trend.percent === null ? '' : ` (${formatPercentChange(trend.percent)})`;
    return `${formatDelta(trend.delta, decimals)}${percent}, was ${formatValue(trend.value, unit, decimals)}`;
  }
}
