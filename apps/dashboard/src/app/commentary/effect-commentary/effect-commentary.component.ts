import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  PendingTasks,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { type CommentaryBoard, type EffectCommentary, maxCommentaryLength } from '@koers/domain';
import { KOERS_CLIENT } from '../../api/koers-client';
import { formatDateTime, formatPeriod } from '../../format/dutch-format';
import { describeSaveError } from '../../progress/save-error';

/**
 * The college's commentary on one effect for the quarter: the text with who
 * wrote it and when, the earlier versions on request, the texts of earlier
 * quarters, and, for a college member whose portfolio covers the program, a
 * form to write or rewrite it (each save is a new version).
 */
@Component({
  selector: 'koers-effect-commentary',
  imports: [MatButtonModule],
  templateUrl: './effect-commentary.component.html',
  styleUrl: './effect-commentary.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EffectCommentaryComponent {
  readonly municipalityId = input.required<string>();
  readonly effectId = input.required<string>();
  /** The commentary of the page's effects; undefined while it loads. */
  readonly board = input.required<CommentaryBoard | undefined>();
  /** The heading level of "Toelichting van het college", under the effect's own heading. */
  readonly level = input<3 | 4>(4);
  /** After a save: the page loads the commentary again. */
  readonly saved = output<EffectCommentary>();

  private readonly client = inject(KOERS_CLIENT);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly injector = inject(Injector);
  private readonly editor = viewChild<ElementRef<HTMLTextAreaElement>>('editor');
  private readonly writeButton = viewChild('writeButton', { read: ElementRef<HTMLButtonElement> });
  protected readonly maxLength = maxCommentaryLength;
  protected readonly view = computed(() => this.board()?.effects.find((effect) => effect.effectId === this.effectId()));
  protected readonly quarterName = computed(() => formatPeriod(this.board()?.quarter ?? ''));
  protected readonly formatDateTime = formatDateTime;
  protected readonly formatPeriod = formatPeriod;

  protected readonly isWriting = signal(false);
  protected readonly text = signal('');
  protected readonly isSaving = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly history = signal<readonly EffectCommentary[] | null>(null);
  protected readonly historyProblem = signal<string | null>(null);

  protected startWriting(): void {
    this.text.set(this.view()?.current?.text ?? '');
    this.problem.set(null);
    this.isWriting.set(true);
    // The button the reader pressed is gone: focus goes to the text, for the keyboard and the screen reader.
    afterNextRender(() => this.editor()?.nativeElement.focus(), { injector: this.injector });
  }

  /** Closes the form (Annuleren, Escape, or after a save) and gives focus back to the button that opened it. */
  protected stopWriting(): void {
    this.isWriting.set(false);
    afterNextRender(() => this.writeButton()?.nativeElement.focus(), { injector: this.injector });
  }

  protected save(): void {
    // A pending task: the page is not stable until the save has ended (and tests wait for it).
    void this.pendingTasks.run(() => this.attemptSave());
  }

  private async attemptSave(): Promise<void> {
    const board = this.board();
    if (board === undefined || this.isSaving()) return;
    this.isSaving.set(true);
    this.problem.set(null);
    try {
      const saved = await this.client.commentary.save.mutate({
        municipalityId: this.municipalityId(),
        effectId: this.effectId(),
        quarter: board.quarter,
        text: this.text(),
      });
      this.stopWriting();
      this.history.set(null);
      this.saved.emit(saved);
    } catch (error) {
      this.problem.set(describeSaveError(error));
    } finally {
      this.isSaving.set(false);
    }
  }

  /** Loads the earlier versions when the reader opens them. */
  protected async showHistory(event: Event): Promise<void> {
    const board = this.board();
    if (!(event.target as HTMLDetailsElement).open || board === undefined || this.history() !== null) return;
    try {
      this.history.set(
        await this.client.commentary.history.query({
          municipalityId: this.municipalityId(),
          effectId: this.effectId(),
          quarter: board.quarter,
        }),
      );
    } catch {
      this.historyProblem.set(
        'De eerdere versies konden niet worden geladen. Sluit en open dit deel om het opnieuw te proberen.',
      );
    }
  }
}
