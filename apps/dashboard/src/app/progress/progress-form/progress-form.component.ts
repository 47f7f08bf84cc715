import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  output,
  PendingTasks,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { type BoardAction, type ProgressRecord, type ProgressStatus, progressStatuses } from '@koers/domain';
import { KOERS_CLIENT } from '../../api/koers-client';
import { formatPeriod } from '../../format/dutch-format';
import { progressStatusLabels } from '../../status/indicator-status';
import { describeSaveError } from '../save-error';

/**
 * A team lead's report on one action for the current quarter, inline on the
 * actions board: status, percent done and a comment. It starts from the
 * quarter's report, or the latest one; the server refuses an action of another
 * team, whatever this form shows.
 */
@Component({
  selector: 'koers-progress-form',
  imports: [MatButtonModule, ReactiveFormsModule],
  template: `
    <form
      class="progress-form"
      [formGroup]="form"
      (ngSubmit)="save()"
      [attr.aria-label]="'Voortgang van ' + action().title + ' over het ' + quarterName()"
    >
      <label>
        Status
        <select formControlName="status">
          @for (status of statuses; track status) {
            <option [value]="status">{{ statusLabels[status] }}</option>
          }
        </select>
      </label>
      <label>
        Percentage gereed
        <input type="number" formControlName="percent" min="0" max="100" step="5" inputmode="numeric" />
      </label>
      <label class="comment">
        Toelichting
        <textarea formControlName="comment" rows="2" maxlength="4000"></textarea>
      </label>
      <button mat-flat-button type="submit" [attr.aria-disabled]="isSaving()">
        {{ isSaving() ? 'Bezig met opslaan…' : 'Voortgang opslaan' }}
      </button>
      <p class="outcome" aria-live="polite">
        @if (savedAt()) {
          <span role="status">Opgeslagen.</span>
        }
      </p>
      @if (problem(); as problem) {
        <p class="problem" role="alert">{{ problem }}</p>
      }
    </form>
  `,
  styles: `
    .progress-form {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
      gap: 0.5rem 1rem;
      align-items: end;
      margin-top: 0.5rem;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      font-weight: 500;
    }
    .comment {
      grid-column: 1 / -1;
    }
    select,
    input,
    textarea {
      font: inherit;
      padding: 0.35rem;
      border: 1px solid var(--koers-muted-text-color, #555);
      border-radius: 4px;
    }
    .outcome,
    .problem {
      margin: 0;
    }
    .problem {
      grid-column: 1 / -1;
      color: var(--mat-sys-error, #b3261e);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgressFormComponent implements OnInit {
  readonly municipalityId = input.required<string>();
  readonly action = input.required<BoardAction>();
  /** The quarter being reported (the current one). */
  readonly quarter = input.required<string>();
  /** The report as stored, after a save. */
  readonly saved = output<ProgressRecord>();

  private readonly client = inject(KOERS_CLIENT);
  private readonly pendingTasks = inject(PendingTasks);
  protected readonly statuses = progressStatuses;
  protected readonly statusLabels = progressStatusLabels;
  protected readonly quarterName = computed(() => formatPeriod(this.quarter()));
  protected readonly isSaving = signal(false);
  protected readonly savedAt = signal<string | null>(null);
  protected readonly problem = signal<string | null>(null);

  protected readonly form = new FormGroup({
    status: new FormControl<ProgressStatus>('on_schedule', { nonNullable: true }),
    percent: new FormControl(0, { nonNullable: true }),
    comment: new FormControl('', { nonNullable: true }),
  });

  ngOnInit(): void {
    const start = this.action().report ?? this.action().latest;
    if (start !== null)
      this.form.setValue({
        status: start.status,
        percent: start.percent,
        comment: this.action().report?.comment ?? '',
      });
  }

  protected save(): void {
    // A pending task: the page is not stable until the save has ended (and tests wait for it).
    void this.pendingTasks.run(() => this.attemptSave());
  }

  private async attemptSave(): Promise<void> {
    if (this.isSaving()) return;
    this.isSaving.set(true);
    this.problem.set(null);
    this.savedAt.set(null);
    const value = this.form.getRawValue();
    try {
      const saved = await this.client.progress.save.mutate({
        municipalityId: this.municipalityId(),
        actionId: this.action().id,
        status: value.status,
        percent: Number(value.percent),
        comment: value.comment,
      });
      this.savedAt.set(saved.recordedAt);
      this.saved.emit(saved);
    } catch (error) {
      this.problem.set(describeSaveError(error));
    } finally {
      this.isSaving.set(false);
    }
  }
}
