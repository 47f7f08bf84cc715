import { ChangeDetectionStrategy, Component, computed, inject, input, output, PendingTasks, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { ComputationView } from '@koers/domain';
import { describeApiError } from '../api/api-error';
import { KOERS_CLIENT } from '../api/koers-client';
import { formatDateTime } from '../format/dutch-format';

/** Where a request of this button stands. */
type Request =
  | { readonly kind: 'none' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'queued'; readonly lastFinishedBefore: string | null }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * "Nu opnieuw berekenen", for the data team and admins: asks the server to
 * compute the municipality's indicators now (`computations.run`) and says
 * where that stands, from the overview's `computation`: asked, calculating,
 * done (with when), or what went wrong. The page asks again while it runs.
 */
@Component({
  selector: 'koers-recompute-button',
  imports: [MatButtonModule],
  template: `
    <div class="recompute">
      <button mat-stroked-button type="button" (click)="run()" [attr.aria-disabled]="isBusy()">
        Nu opnieuw berekenen
      </button>
      <p class="status" [class.failed]="request().kind === 'failed'" role="status">{{ message() }}</p>
    </div>
  `,
  styles: `
    .recompute {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      margin-bottom: 1rem;
    }

    .status {
      margin: 0;
      color: var(--koers-muted-text-color);
    }

    .status.failed {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecomputeButtonComponent {
  readonly municipalityId = input.required<string>();
  /** Where the municipality's computations stand (the overview's `computation`). */
  readonly computation = input.required<ComputationView>();
  /** Emits once the server has queued the computation: the page then follows it. */
  readonly requested = output();

  private readonly client = inject(KOERS_CLIENT);
  private readonly pendingTasks = inject(PendingTasks);
  protected readonly request = signal<Request>({ kind: 'none' });

  /** Sending, or a computation under way: another request would only queue behind it. */
  protected readonly isBusy = computed(() => this.request().kind === 'sending' || this.computation().state === 'running');

  protected readonly message = computed(() => {
    const request = this.request();
    const computation = this.computation();
    switch (request.kind) {
      case 'sending':
        return 'De berekening wordt aangevraagd…';
      case 'failed':
        return request.message;
      case 'queued':
        if (computation.state === 'running' || computation.lastFinishedAt === request.lastFinishedBefore) {
          return 'Aangevraagd: Koers rekent de indicatoren opnieuw uit. De cijfers verversen vanzelf.';
        }
        return computation.state === 'failed'
          ? 'De berekening is mislukt; zie de melding hierboven.'
          : `Klaar: de indicatoren zijn opnieuw berekend${computation.lastFinishedAt === null ? '' : ` (${formatDateTime(computation.lastFinishedAt)})`}.`;
      case 'none':
        return computation.state === 'running' ? 'Koers rekent de indicatoren op dit moment uit.' : '';
    }
  });

  protected run(): void {
    if (this.isBusy()) return;
    // A pending task: the app is not stable until the server has answered.
    void this.pendingTasks.run(() => this.ask());
  }

  private async ask(): Promise<void> {
    const lastFinishedBefore = this.computation().lastFinishedAt;
    this.request.set({ kind: 'sending' });
    try {
      await this.client.computations.run.mutate({ municipalityId: this.municipalityId() });
      this.request.set({ kind: 'queued', lastFinishedBefore });
      this.requested.emit();
    } catch (error) {
      this.request.set({ kind: 'failed', message: `De berekening kon niet worden aangevraagd. ${describeApiError(error)}` });
    }
  }
}
