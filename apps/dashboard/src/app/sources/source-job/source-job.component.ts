import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, InjectionToken, input, linkedSignal, output, untracked } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { SourceJob, SourceJobState } from '@koers/domain';
import { describeApiError } from '../../api/api-error';
import { KOERS_CLIENT } from '../../api/koers-client';
import { formatDateTime } from '../../format/dutch-format';
import { jobStateLabels, problemPlace } from '../source-labels';

/** How often a job at work is asked after, in milliseconds; specs make it short. */
export const JOB_POLL_MS = new InjectionToken<number>('JobPollMs', { providedIn: 'root', factory: () => 1_000 });

/** The steps a job that changes what serves goes through, in order (`previewed` only waits for the user). */
const shownSteps: readonly SourceJobState[] = ['received', 'previewing', 'loading', 'computing', 'done'];

/** Whether a job is still at work (and worth asking after). */
export function isWorking(job: SourceJob): boolean {
  return job.state === 'received' || job.state === 'previewing' || job.state === 'loading' || job.state === 'computing';
}

/**
 * A job's progress, step by step: upload received → preview → loading →
 * computing → done (or failed, with the problem's file, line and column). It
 * asks the server after the job every {@link JOB_POLL_MS} while the job is at
 * work, and says each new step to screen readers.
 */
@Component({
  selector: 'koers-source-job',
  imports: [MatProgressBarModule],
  template: `
    <section class="job koers-card" [attr.aria-labelledby]="'job-' + current().id">
      <h3 [id]="'job-' + current().id">{{ title() }}</h3>
      <mat-progress-bar
        [mode]="isWorking() ? 'buffer' : 'determinate'"
        [value]="percent()"
        [bufferValue]="percent() + 25"
        [attr.aria-label]="'Voortgang: ' + stepText()"
      />
      <p class="status" role="status">{{ stepText() }}</p>
      <ol class="steps">
        @for (step of steps(); track step.state) {
          <li [class]="step.progress">
            <span class="mark" aria-hidden="true">{{ step.progress === 'passed' ? '✓' : step.progress === 'current' ? '…' : step.progress === 'failed' ? '✗' : '○' }}</span>
            {{ step.label }}
            @if (step.at) {
              <span class="koers-muted"> · {{ step.at }}</span>
            }
            <span class="koers-visually-hidden">({{ progressWords[step.progress] }})</span>
          </li>
        }
      </ol>
      @if (current().state === 'failed' && current().problem; as problem) {
        <div class="koers-error-state" role="alert">
          <p><strong>{{ problemPlace(problem) }}</strong>: {{ problem.message }}</p>
          <p>De vorige versie blijft in gebruik; de resultaten zijn niet veranderd.</p>
        </div>
      }
      @if (pollError(); as error) {
        <p class="koers-error-state" role="alert">{{ error }}</p>
      }
    </section>
  `,
  styles: `
    .job h3 {
      margin-top: 0;
    }
    .steps {
      list-style: none;
      padding: 0;
      margin: 0.5rem 0 0;
    }
    .steps li {
      padding: 0.15rem 0;
    }
    .steps li.pending {
      color: var(--koers-muted-text-color);
    }
    .steps li.current {
      font-weight: 600;
    }
    .steps li.failed {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
    .mark {
      display: inline-block;
      width: 1.25rem;
    }
    .status {
      margin: 0.5rem 0 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SourceJobComponent {
  readonly municipalityId = input.required<string>();
  readonly job = input.required<SourceJob>();
  /** Emits the job once it is done or failed. */
  readonly finished = output<SourceJob>();

  private readonly client = inject(KOERS_CLIENT);
  private readonly pollMs = inject(JOB_POLL_MS);
  /** The job as last asked; the input until then. */
  protected readonly current = linkedSignal(() => this.job());
  protected readonly pollError = linkedSignal<SourceJob, string | null>({ source: this.job, computation: () => null });
  protected readonly problemPlace = problemPlace;
  protected readonly progressWords = { passed: 'gedaan', current: 'bezig', pending: 'nog niet', failed: 'mislukt' } as const;

  protected readonly isWorking = computed(() => isWorking(this.current()));
  protected readonly title = computed(() => (this.current().kind === 'rollback' ? `Terugzetten naar versie ${this.current().version ?? ''}` : 'Nieuwe versie laden en herberekenen'));

  protected readonly steps = computed(() => {
    const job = this.current();
    // `previewed` is the end of the preview step; a rollback has no preview.
    const reached = new Map<SourceJobState, string>(job.steps.map((step) => [step.state === 'previewed' ? 'previewing' : step.state, step.at]));
    const shown = shownSteps.filter((state) => job.kind !== 'rollback' || state !== 'previewing');
    const lastReached = Math.max(...shown.map((state, index) => (reached.has(state) ? index : -1)));
    return shown.map((state, index) => {
      const at = reached.get(state);
      let progress: 'passed' | 'current' | 'pending' | 'failed';
      if (job.state === 'done' || job.state === 'previewed') progress = index <= lastReached ? 'passed' : 'pending';
      else if (index < lastReached) progress = 'passed';
      else if (index === lastReached) progress = job.state === 'failed' ? 'failed' : 'current';
      else progress = 'pending';
      return { state, label: jobStateLabels[state], at: at === undefined ? null : formatDateTime(at), progress };
    });
  });

  protected readonly percent = computed(() => {
    const job = this.current();
    if (job.state === 'done') return 100;
    const passed = this.steps().filter((step) => step.progress === 'passed').length;
    return Math.round((passed / this.steps().length) * 100);
  });

  protected readonly stepText = computed(() => {
    const job = this.current();
    if (job.state === 'done') return `Klaar: versie ${job.version ?? ''} is in gebruik${job.rowCount === null ? '' : ` (${job.rowCount.toLocaleString('nl-NL')} rijen)`} en de indicatoren zijn herberekend.`;
    if (job.state === 'failed') return 'Mislukt: de vorige versie blijft in gebruik.';
    const steps = this.steps();
    const index = steps.findIndex((step) => step.progress === 'current');
    return `Stap ${index + 1} van ${steps.length}: ${steps[index]?.label ?? jobStateLabels[job.state]}…`;
  });

  constructor() {
    let timer: ReturnType<typeof setTimeout> | undefined;
    inject(DestroyRef).onDestroy(() => clearTimeout(timer));
    effect(() => {
      const job = this.current();
      clearTimeout(timer);
      if (!isWorking(job)) {
        untracked(() => this.finished.emit(job));
        return;
      }
      timer = setTimeout(() => void this.ask(job.id), this.pollMs);
    });
  }

  private async ask(jobId: string): Promise<void> {
    try {
      this.current.set(await this.client.sources.job.query({ municipalityId: this.municipalityId(), jobId }));
      this.pollError.set(null);
    } catch (error) {
      this.pollError.set(`De voortgang kon niet worden opgevraagd; Koers probeert het opnieuw. ${describeApiError(error)}`);
      this.current.update((job) => ({ ...job }));
    }
  }
}
