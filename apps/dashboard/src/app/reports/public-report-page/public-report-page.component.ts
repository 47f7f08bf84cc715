import { ChangeDetectionStrategy, Component, computed, inject, input, resource } from '@angular/core';
import type { PublicReport, PublicReportIndicator } from '@koers/api';
import { formatDateTime, formatPeriod, formatValue } from '../../format/dutch-format';
import { pageTitle } from '../../layout/page-title';
import { KOERS_FETCH } from '../../session/auth-client';
import { indicatorStatusLabels } from '../../status/indicator-status';
import { StatusBadgeComponent } from '../../status/status-badge.component';
import { ReportExplanationComponent } from '../report-explanation.component';
import { motionPointStatusLabels, reportTitle } from '../report-labels';

/** What loading the public report came to. */
type PublicAnswer = { readonly kind: 'found'; readonly report: PublicReport } | { readonly kind: 'not_found' };

/**
 * `/public/:municipalityId/reports/:quarter`: a published report that the
 * municipality makes public (Wet open overheid), for everyone, without
 * signing in: the same numbers as `…/<quarter>.json` beside it. A report that
 * is not public reads exactly like one that does not exist.
 */
@Component({
  selector: 'koers-public-report-page',
  imports: [ReportExplanationComponent, StatusBadgeComponent],
  templateUrl: './public-report-page.component.html',
  styleUrl: './public-report-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicReportPageComponent {
  /** From the route. */
  readonly municipalityId = input.required<string>();
  /** From the route: `2025-Q3`. */
  readonly quarter = input.required<string>();

  private readonly fetch = inject(KOERS_FETCH);

  protected readonly jsonUrl = computed(() => `/public/${encodeURIComponent(this.municipalityId())}/reports/${encodeURIComponent(this.quarter())}.json`);
  protected readonly answer = resource({
    params: () => this.jsonUrl(),
    loader: async ({ params, abortSignal }): Promise<PublicAnswer> => {
      const response = await this.fetch(params, { signal: abortSignal, headers: { accept: 'application/json' } });
      if (response.status === 404) return { kind: 'not_found' };
      if (!response.ok) throw new Error(`De server antwoordde ${response.status}.`);
      return { kind: 'found', report: (await response.json()) as PublicReport };
    },
  });
  protected readonly report = computed(() => {
    const answer = this.answer.hasValue() ? this.answer.value() : undefined;
    return answer?.kind === 'found' ? answer.report : undefined;
  });
  protected readonly isMissing = computed(() => this.answer.hasValue() && this.answer.value().kind === 'not_found');
  protected readonly indicatorsById = computed(() => new Map((this.report()?.indicators ?? []).map((indicator) => [indicator.id, indicator])));
  protected readonly title = computed(() => reportTitle(this.quarter()));

  protected readonly statusLabels = indicatorStatusLabels;
  protected readonly motionPointStatusLabels = motionPointStatusLabels;
  protected readonly formatDateTime = formatDateTime;
  protected readonly formatPeriod = formatPeriod;

  constructor() {
    pageTitle(() => (this.report() === undefined ? this.title() : `${this.title()} · ${this.report()?.municipality.name}`));
  }

  protected valueText(indicator: PublicReportIndicator): string {
    return indicator.value === null || indicator.period === null ? 'Geen waarde' : `${formatValue(indicator.value, indicator.unit)} (${formatPeriod(indicator.period)})`;
  }
}
