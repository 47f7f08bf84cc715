import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ApiResource } from '../api/api-resource';
import { NoAccessComponent } from './no-access.component';

/**
 * What every page shows around its content while it loads or when loading
 * failed: a progress bar (announced to screen readers) and the shared error
 * state with "Opnieuw proberen" where retrying can help, and after a refusal
 * (FORBIDDEN) where the user can go instead. The page shows its
 * content itself once `resource.value()` is there.
 */
@Component({
  selector: 'koers-load-state',
  imports: [MatButtonModule, MatProgressBarModule, NoAccessComponent],
  template: `
    <div aria-live="polite" class="koers-load-status">
      @if (resource().isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="subject() + ' wordt geladen'" />
        <p class="koers-visually-hidden">{{ subject() }} wordt geladen…</p>
      }
    </div>
    @if (resource().errorMessage(); as errorMessage) {
      <div class="koers-error-state" role="alert">
        <h2>{{ subject() }} kon niet worden geladen</h2>
        <p>{{ errorMessage }}</p>
        @if (resource().errorCode() === 'FORBIDDEN') {
          <koers-no-access />
        }
        <ng-content />
        @if (resource().canRetry()) {
          <button mat-flat-button type="button" (click)="retry()" [disabled]="resource().isLoading()">
            Opnieuw proberen
          </button>
        }
      </div>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadStateComponent {
  /** The answer the page waits for. */
  readonly resource = input.required<ApiResource<unknown>>();
  /** What loads, capitalised, for "Het overzicht wordt geladen" and "Het overzicht kon niet worden geladen". */
  readonly subject = input.required<string>();
  /** Emits after "Opnieuw proberen" asked the server again. */
  readonly retried = output();

  protected retry(): void {
    this.resource().reload();
    this.retried.emit();
  }
}
