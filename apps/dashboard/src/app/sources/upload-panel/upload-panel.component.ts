import { ChangeDetectionStrategy, Component, computed, inject, input, output, PendingTasks, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { SourceJob } from '@koers/domain';
import { formatFileSize } from '../source-labels';
import { uploadSourceFile } from '../source-upload';
import { UPLOAD_TRANSPORT } from '../upload-transport';

/** Where an upload stands. */
type UploadState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending'; readonly sent: number; readonly total: number }
  | { readonly kind: 'previewing' }
  | { readonly kind: 'refused'; readonly message: string };

/**
 * Choosing a file and sending it, with a progress bar of the bytes sent (the
 * browser's upload progress), then "voorbeeld maken" while the server reads
 * it whole. Emits the job (previewed, or failed with its problem).
 */
@Component({
  selector: 'koers-upload-panel',
  imports: [MatButtonModule, MatProgressBarModule],
  template: `
    <form class="upload" (submit)="send($event)">
      <label [for]="inputId()">{{ label() }}</label>
      <input
        [id]="inputId()"
        type="file"
        name="bestand"
        accept=".csv,.parquet,.json,.ndjson,.jsonl,text/csv,application/json"
        [attr.aria-describedby]="inputId() + '-hint'"
        (change)="choose($event)"
      />
      <p class="koers-muted" [id]="inputId() + '-hint'">CSV, Parquet, JSON of NDJSON. Koers kiest zelf de bestandsnaam; het bestand wordt eerst gecontroleerd en pas na uw bevestiging gebruikt.</p>
      <button mat-flat-button type="submit" [attr.aria-disabled]="file() === null || isBusy()">Uploaden en controleren</button>
    </form>
    <div aria-live="polite">
      @switch (state().kind) {
        @case ('sending') {
          <mat-progress-bar mode="determinate" [value]="percent()" [attr.aria-label]="'Uploaden: ' + percent() + ' procent'" />
          <p>{{ sentText() }}</p>
        }
        @case ('previewing') {
          <mat-progress-bar mode="indeterminate" aria-label="Voorbeeld wordt gemaakt" />
          <p>Ontvangen. Koers leest het hele bestand en maakt een voorbeeld…</p>
        }
      }
    </div>
    @if (refusal(); as message) {
      <p class="koers-error-state" role="alert">{{ message }}</p>
    }
  `,
  styles: `
    .upload {
      display: grid;
      gap: 0.5rem;
      justify-items: start;
      margin-bottom: 0.75rem;
    }
    .upload p {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UploadPanelComponent {
  readonly municipalityId = input.required<string>();
  /** The source it is a new version of; null for a new source. */
  readonly sourceId = input<string | null>(null);
  readonly label = input('Bestand');
  /** Emits the job the server made of the upload. */
  readonly uploaded = output<SourceJob>();

  private readonly transport = inject(UPLOAD_TRANSPORT);
  private readonly pendingTasks = inject(PendingTasks);
  protected readonly file = signal<File | null>(null);
  protected readonly state = signal<UploadState>({ kind: 'idle' });
  protected readonly inputId = computed(() => `bestand-${this.sourceId() ?? 'nieuw'}`);
  protected readonly isBusy = computed(() => this.state().kind === 'sending' || this.state().kind === 'previewing');
  protected readonly refusal = computed(() => {
    const state = this.state();
    return state.kind === 'refused' ? state.message : null;
  });
  protected readonly percent = computed(() => {
    const state = this.state();
    return state.kind === 'sending' && state.total > 0 ? Math.floor((state.sent / state.total) * 100) : 0;
  });
  protected readonly sentText = computed(() => {
    const state = this.state();
    return state.kind === 'sending' ? `${this.percent()}% verstuurd (${formatFileSize(state.sent)} van ${formatFileSize(state.total)})` : '';
  });

  protected choose(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
    this.state.set({ kind: 'idle' });
  }

  protected send(event: Event): void {
    event.preventDefault();
    const file = this.file();
    if (file === null) {
      this.state.set({ kind: 'refused', message: 'Kies eerst een bestand.' });
      return;
    }
    if (this.isBusy()) return;
    void this.pendingTasks.run(async () => {
      this.state.set({ kind: 'sending', sent: 0, total: file.size });
      const outcome = await uploadSourceFile(this.transport, { municipalityId: this.municipalityId(), sourceId: this.sourceId(), file }, (sent, total) =>
        this.state.set(sent >= total ? { kind: 'previewing' } : { kind: 'sending', sent, total }),
      );
      if (outcome.kind === 'refused') {
        this.state.set({ kind: 'refused', message: outcome.message });
        return;
      }
      this.state.set({ kind: 'idle' });
      this.uploaded.emit(outcome.job);
    });
  }
}
