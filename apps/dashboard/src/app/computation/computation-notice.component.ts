import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ComputationView } from '@koers/domain';
import { formatDateTime } from '../format/dutch-format';
import { clockIconPath, warningIconPath } from '../layout/icon-paths';

/** What the notice says, and how loudly. */
interface Notice {
  readonly tone: 'info' | 'warning' | 'error';
  readonly icon: string;
  readonly headline: string;
  readonly detail: string;
}

/**
 * Where the municipality's computations stand, when that matters to the
 * reader: still calculating (no figures yet), failed, or recalculating. Says
 * nothing when the latest computation finished.
 */
@Component({
  selector: 'koers-computation-notice',
  template: `
    @if (notice(); as notice) {
      <div class="notice" [class]="'notice-' + notice.tone" [attr.role]="notice.tone === 'error' ? 'alert' : 'status'">
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path fill="currentColor" [attr.d]="notice.icon" />
        </svg>
        <p>
          @if (notice.headline) {
            <strong>{{ notice.headline }}</strong>
          }
          {{ notice.detail }}
        </p>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }

    .notice {
      display: flex;
      gap: 0.75rem;
      align-items: flex-start;
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border-left: 6px solid currentColor;
      border-radius: 8px;
    }

    svg {
      flex: none;
      margin-top: 0.125rem;
    }

    p {
      margin: 0;
    }

    .notice-info {
      background: #e3eefa;
      color: #0a3d73;
    }

    .notice-warning {
      background: #fff1c7;
      color: #5c3c00;
    }

    .notice-error {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComputationNoticeComponent {
  readonly computation = input.required<ComputationView>();

  protected readonly notice = computed<Notice | null>(() => {
    const { state, hasResults, error, lastFinishedAt } = this.computation();
    const since = lastFinishedAt === null ? 'eerder' : formatDateTime(lastFinishedAt);
    if (!hasResults && state === 'failed') {
      return {
        tone: 'error',
        icon: warningIconPath,
        headline: 'De berekening van de indicatoren is mislukt; er zijn nog geen cijfers.',
        detail: error ?? '',
      };
    }
    if (!hasResults) {
      return {
        tone: 'info',
        icon: clockIconPath,
        headline: 'Koers rekent de indicatoren nog uit.',
        detail: 'De cijfers verschijnen hier zodra de eerste berekening klaar is; deze pagina ververst vanzelf.',
      };
    }
    if (state === 'failed') {
      return {
        tone: 'warning',
        icon: warningIconPath,
        headline: 'De laatste berekening is mislukt.',
        detail: `U ziet de cijfers van de berekening van ${since}. ${error ?? ''}`.trim(),
      };
    }
    if (state === 'running') {
      return { tone: 'info', icon: clockIconPath, headline: '', detail: `Koers rekent de indicatoren opnieuw uit. U ziet de cijfers van ${since}.` };
    }
    return null;
  });
}
