import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, Injector, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type MotionKind, type MotionList } from '@koers/domain';
import { KOERS_CLIENT } from '../../api/koers-client';
import { describeChangeError } from '../change-error';
import { emptyMotionDraft, type MotionDraft, type MotionField, motionDraftProblems, motionInputOf, type MotionProblem, type PointDraft } from './motion-draft';

/**
 * The college records a new motion of the council or a commitment of its
 * own: kind, reference, date, title, text, and its numbered points, each with
 * the program it concerns. Problems stand beside their field; what the server
 * refuses is said above the button. On success the form empties and says so.
 */
@Component({
  selector: 'koers-motion-form',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule],
  templateUrl: './motion-form.component.html',
  styleUrl: './motion-form.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MotionFormComponent {
  readonly municipalityId = input.required<string>();
  /** The programs a point may concern. */
  readonly programs = input.required<MotionList['programs']>();
  /** The ids of the motions there are, so a reference is not used twice. */
  readonly existingIds = input.required<readonly string[]>();
  /** The reference of a motion once it is saved. */
  readonly saved = output<string>();

  private readonly client = inject(KOERS_CLIENT);
  private readonly injector = inject(Injector);

  protected readonly draft = signal<MotionDraft>(emptyMotionDraft);
  protected readonly isSubmitted = signal(false);
  protected readonly busy = signal(false);
  protected readonly refusal = signal<string | null>(null);
  protected readonly problems = computed<readonly MotionProblem[]>(() => (this.isSubmitted() ? motionDraftProblems(this.draft(), this.existingIds()) : []));

  protected problemOf(field: MotionField): string | null {
    return this.problems().find((problem) => problem.field === field)?.message ?? null;
  }

  protected pointField(index: number): MotionField {
    return `points.${index}`;
  }

  protected setKind(event: Event): void {
    this.update({ kind: (event.target as HTMLSelectElement).value as MotionKind });
  }

  protected set(field: 'reference' | 'title' | 'adoptedOn' | 'text', event: Event): void {
    this.update({ [field]: (event.target as HTMLInputElement | HTMLTextAreaElement).value });
  }

  protected setPoint(index: number, change: Partial<PointDraft>): void {
    this.update({ points: this.draft().points.map((point, at) => (at === index ? { ...point, ...change } : point)) });
  }

  protected pointText(index: number, event: Event): void {
    this.setPoint(index, { text: (event.target as HTMLTextAreaElement).value });
  }

  protected pointProgram(index: number, event: Event): void {
    this.setPoint(index, { programId: (event.target as HTMLSelectElement).value });
  }

  protected addPoint(): void {
    this.update({ points: [...this.draft().points, { text: '', programId: '' }] });
    // The new point's text takes the focus, so typing goes on there.
    const index = this.draft().points.length - 1;
    this.focusAfterRender(`punt-${index}`);
  }

  protected removePoint(index: number): void {
    this.update({ points: this.draft().points.filter((_, at) => at !== index) });
    this.focusAfterRender('punt-toevoegen');
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    this.isSubmitted.set(true);
    this.refusal.set(null);
    const problems = this.problems();
    if (problems.length > 0) {
      const first = problems[0]?.field;
      document.getElementById(first?.startsWith('points.') ? `punt-${first.slice('points.'.length)}` : `motie-${first}`)?.focus();
      return;
    }
    const motion = motionInputOf(this.draft());
    this.busy.set(true);
    try {
      await this.client.motions.save.mutate({ municipalityId: this.municipalityId(), motion });
      this.draft.set(emptyMotionDraft);
      this.isSubmitted.set(false);
      this.saved.emit(motion.reference);
    } catch (error) {
      this.refusal.set(describeChangeError(error));
    } finally {
      this.busy.set(false);
    }
  }

  private focusAfterRender(id: string): void {
    afterNextRender(() => document.getElementById(id)?.focus(), { injector: this.injector });
  }

  private update(change: Partial<MotionDraft>): void {
    this.draft.update((draft) => ({ ...draft, ...change }));
  }
}
