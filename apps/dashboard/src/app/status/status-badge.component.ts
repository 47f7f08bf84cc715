import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { IndicatorStatus } from '@koers/domain';
import { warningIconPath } from '../layout/icon-paths';
import { indicatorStatusLabels } from './indicator-status';

/** One path per status, so the shape tells the status apart as well as the colour (WCAG 1.4.1). */
const iconPaths: Readonly<Record<IndicatorStatus, string>> = {
  // A tick in a circle.
  on_track: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm-2 15-5-5 1.4-1.4 3.6 3.6 7.6-7.6L19 8z',
  // An exclamation mark in a triangle.
  at_risk: warningIconPath,
  // A cross in a circle.
  off_track:
    'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm5 13.6L15.6 17 12 13.4 8.4 17 7 15.6l3.6-3.6L7 8.4 8.4 7l3.6 3.6L15.6 7 17 8.4 13.4 12z',
  // A dash in a circle.
  no_target: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm5 11H7v-2h10z',
  // An empty circle.
  no_data: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16z',
};

/**
 * An indicator's status as an icon and a word ("Op koers", "Risico", ...),
 * never by colour alone. `label` puts a word before it for screen readers
 * ("Status: Op koers").
 */
@Component({
  selector: 'koers-status-badge',
  template: `
    <span class="badge" [class]="'status-' + status()">
      <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
        <path fill="currentColor" [attr.d]="iconPath()" />
      </svg>
      @if (label()) {
        <span class="koers-visually-hidden">{{ label() }}: </span>
      }
      {{ text() }}
    </span>
  `,
  styles: `
    :host {
      display: inline-block;
    }

    .badge {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      padding: 0.125rem 0.5rem 0.125rem 0.375rem;
      border: 1px solid currentColor;
      border-radius: 999px;
      font: var(--mat-sys-label-large);
      white-space: nowrap;
    }

    svg {
      flex: none;
    }

    /* Text colours reach at least 4.5:1 on their background. */
    .status-on_track {
      background: #e3f2e6;
      color: #1b5e2b;
    }

    .status-at_risk {
      background: #fff1c7;
      color: #6a4500;
    }

    .status-off_track {
      background: #fde6e6;
      color: #a0151b;
    }

    .status-no_target,
    .status-no_data {
      background: #eef0f3;
      color: #3f4550;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusBadgeComponent {
  readonly status = input.required<IndicatorStatus>();
  /** A word read before the status by screen readers, such as "Status"; none by default. */
  readonly label = input<string>('');

  protected readonly text = computed(() => indicatorStatusLabels[this.status()]);
  protected readonly iconPath = computed(() => iconPaths[this.status()]);
}
