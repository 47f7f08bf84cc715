import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { IndicatorSummary } from '@koers/domain';
import { formatPeriod, formatValue } from '../../format/dutch-format';
import { warningIconPath } from '../../layout/icon-paths';
import { movementLabels } from '../../status/indicator-status';
import { StatusBadgeComponent } from '../../status/status-badge.component';

/**
 * An indicator in one line: its name (a link to its page), its status in
 * words, the latest value with unit and period, and whether it moved the right
 * way. A failed latest computation is said in words too.
 */
@Component({
  selector: 'koers-indicator-line',
  imports: [RouterLink, StatusBadgeComponent],
  template: `
    <a class="title" [routerLink]="['/', municipalityId(), 'indicatoren', indicator().id]">{{ indicator().title }}</a>
    <span class="facts">
      <koers-status-badge [status]="indicator().status" label="Status" />
      <span class="value">{{ latest() }}</span>
      @if (movement(); as movement) {
        <span class="movement">{{ movement }}</span>
      }
      @if (indicator().problem) {
        <span class="problem">
          <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
            <path fill="currentColor" [attr.d]="warningIconPath" />
          </svg>
          Laatste berekening mislukt
        </span>
      }
    </span>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }

    .title {
      font: var(--mat-sys-body-large);
      font-weight: 500;
    }

    .facts {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
      font: var(--mat-sys-body-medium);
    }

    .movement {
      color: var(--koers-muted-text-color);
    }

    .problem {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      color: #8a3a00;
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IndicatorLineComponent {
  readonly indicator = input.required<IndicatorSummary>();
  readonly municipalityId = input.required<string>();

  protected readonly warningIconPath = warningIconPath;

  protected readonly latest = computed(() => {
    const { latest, unit, decimals } = this.indicator();
    if (latest === null) return 'nog geen waarde';
    return `${formatValue(latest.value, unit, decimals)} (${formatPeriod(latest.period)})`;
  });

  protected readonly movement = computed(() => {
    const { movement, previous } = this.indicator();
    if (movement === null || previous === null) return null;
    return `${movementLabels[movement]} t.o.v. ${formatPeriod(previous.period)}`;
  });
}
