import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { IndicatorSummary } from '@koers/domain';
import { SparklineComponent } from '../../charts/sparkline.component';
import { formatDateTime, formatPeriod, formatValue } from '../../format/dutch-format';
import { warningIconPath } from '../../layout/icon-paths';
import { StatusBadgeComponent } from '../../status/status-badge.component';

/**
 * An indicator card on the program page: latest value with unit and period,
 * the target of its year, the status in words, and a sparkline of the last
 * values. The title links to the indicator's page.
 */
@Component({
  selector: 'koers-indicator-card',
  imports: [RouterLink, SparklineComponent, StatusBadgeComponent],
  templateUrl: './indicator-card.component.html',
  styleUrl: './indicator-card.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IndicatorCardComponent {
  readonly indicator = input.required<IndicatorSummary>();
  readonly municipalityId = input.required<string>();

  protected readonly warningIconPath = warningIconPath;

  protected readonly latestValue = computed(() => {
    const { latest, unit, decimals } = this.indicator();
    return latest === null ? 'Nog geen waarde' : formatValue(latest.value, unit, decimals);
  });

  protected readonly latestPeriod = computed(() => {
    const latest = this.indicator().latest;
    return latest === null ? null : formatPeriod(latest.period);
  });

  protected readonly target = computed(() => {
    const { target, unit, decimals, latest } = this.indicator();
    if (target === null || latest === null) return null;
    return { year: latest.period.slice(0, 4), text: formatValue(target, unit, decimals) };
  });

  protected readonly problem = computed(() => {
    const problem = this.indicator().problem;
    if (problem === null) return null;
    const age = problem.valuesComputedAt === null ? '' : ` U ziet de waarden van ${formatDateTime(problem.valuesComputedAt)}.`;
    return `De laatste berekening is mislukt.${age}`;
  });
}
