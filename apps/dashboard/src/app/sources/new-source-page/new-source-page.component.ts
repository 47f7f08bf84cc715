import { ChangeDetectionStrategy, Component, computed, inject, input, PendingTasks, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { type ColumnType, columnTypes, identifierPattern, type SourceJob } from '@koers/domain';
import { describeSourceError } from '../source-errors';
import { pageTitle } from '../../layout/page-title';
import { SourceJobComponent } from '../source-job/source-job.component';
import { columnTypeLabels } from '../source-labels';
import { SourcePreviewComponent } from '../source-preview/source-preview.component';
import { newIndicatorLink } from '../sources.routes';
import { UploadPanelComponent } from '../upload-panel/upload-panel.component';
import { KOERS_CLIENT } from '../../api/koers-client';

/** A column of the preview and what the new source declares it as ('' for not declared). */
interface ColumnChoice {
  readonly name: string;
  readonly detectedType: string;
  readonly type: ColumnType | '';
}

/** The form's fields. */
interface NewSourceForm {
  readonly sourceId: string;
  readonly title: string;
  readonly owner: string;
  readonly description: string;
}

/**
 * `/:municipalityId/bronnen/nieuw`: a new source from a file. Upload it (with
 * progress); the preview shows its columns with the type Koers suggests for
 * each; declare them (or not), give the source an id and a title; Koers
 * writes `sources/<id>.yaml` and the data file into the workspace and
 * computes, step by step. Then: define an indicator on it.
 */
@Component({
  selector: 'koers-new-source-page',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink, SourceJobComponent, SourcePreviewComponent, UploadPanelComponent],
  templateUrl: './new-source-page.component.html',
  styles: `
    .declare {
      display: grid;
      gap: 0.75rem;
      max-width: 44rem;
    }
    .field-error {
      color: var(--mat-sys-error);
      margin: 0;
    }
    .koers-data-table select {
      font: inherit;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewSourcePageComponent {
  readonly municipalityId = input.required<string>();

  private readonly client = inject(KOERS_CLIENT);
  private readonly pendingTasks = inject(PendingTasks);
  protected readonly typeOptions = columnTypes.map((type) => ({ value: type, label: columnTypeLabels[type] }));
  protected readonly upload = signal<SourceJob | null>(null);
  protected readonly following = signal<SourceJob | null>(null);
  protected readonly done = signal<SourceJob | null>(null);
  protected readonly form = signal<NewSourceForm>({ sourceId: '', title: '', owner: '', description: '' });
  protected readonly columns = signal<readonly ColumnChoice[]>([]);
  protected readonly isSubmitted = signal(false);
  protected readonly serverError = signal<{ readonly field: string | null; readonly message: string } | null>(null);

  protected readonly idProblem = computed(() => {
    const id = this.form().sourceId;
    if (id === '') return 'Vul een id in, bijvoorbeeld meldingen.';
    return identifierPattern.test(id) ? null : 'Een id begint met a-z en bevat alleen a-z, 0-9, "_" en "-".';
  });
  protected readonly titleProblem = computed(() => (this.form().title.trim() === '' ? 'Vul een titel in.' : null));
  protected readonly indicatorLink = computed(() => {
    const job = this.done();
    return job?.sourceId ? newIndicatorLink(this.municipalityId(), job.sourceId) : null;
  });

  constructor() {
    pageTitle(() => 'Nieuwe bron');
  }

  protected uploaded(job: SourceJob): void {
    this.upload.set(job);
    this.serverError.set(null);
    this.columns.set((job.preview?.columns ?? []).map((column) => ({ name: column.name, detectedType: column.detectedType, type: column.suggestedType })));
  }

  protected edit(field: keyof NewSourceForm, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.form.update((form) => ({ ...form, [field]: value }));
  }

  protected choose(name: string, event: Event): void {
    const type = (event.target as HTMLSelectElement).value as ColumnType | '';
    this.columns.update((columns) => columns.map((column) => (column.name === name ? { ...column, type } : column)));
  }

  protected create(event: Event): void {
    event.preventDefault();
    this.isSubmitted.set(true);
    const job = this.upload();
    if (job === null || this.idProblem() !== null || this.titleProblem() !== null) return;
    const form = this.form();
    const columns = Object.fromEntries(this.columns().flatMap((column) => (column.type === '' ? [] : [[column.name, column.type]])));
    void this.pendingTasks.run(async () => {
      this.serverError.set(null);
      try {
        const started = await this.client.sources.create.mutate({
          municipalityId: this.municipalityId(),
          jobId: job.id,
          sourceId: form.sourceId,
          title: form.title,
          ...(form.owner.trim() === '' ? {} : { owner: form.owner }),
          ...(form.description.trim() === '' ? {} : { description: form.description }),
          columns,
        });
        this.following.set(started);
      } catch (error) {
        const message = describeSourceError(error);
        const field = /^(sourceId|columns|title): /.exec(message)?.[1] ?? null;
        this.serverError.set({ field, message: field === null ? message : message.slice(field.length + 2) });
      }
    });
  }

  protected finished(job: SourceJob): void {
    if (job.state === 'done') this.done.set(job);
  }

  protected startOver(): void {
    this.upload.set(null);
    this.following.set(null);
    this.done.set(null);
    this.isSubmitted.set(false);
    this.serverError.set(null);
  }
}
