import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, PendingTasks, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import type { SourceJob } from '@koers/domain';
import { describeSourceError } from '../source-errors';
import { apiResource } from '../../api/api-resource';
import { KOERS_CLIENT } from '../../api/koers-client';
import { formatDateTime } from '../../format/dutch-format';
import { LoadStateComponent } from '../../layout/load-state.component';
import { pageTitle } from '../../layout/page-title';
import { isWorking, SourceJobComponent } from '../source-job/source-job.component';
import { columnTypeLabels, formatFileSize, formatLabels, shortHash } from '../source-labels';
import { SourcePreviewComponent } from '../source-preview/source-preview.component';
import { newIndicatorLink } from '../sources.routes';
import { UploadPanelComponent } from '../upload-panel/upload-panel.component';

/**
 * `/:municipalityId/bronnen/:sourceId`: one source. Its definition and the
 * indicators that read it; a new version uploaded with progress, previewed,
 * and only then put in use (its load and the recomputation followed step by
 * step); the version history (who, when, sha256, rows, size) with rollback;
 * deletion while no indicator reads it.
 */
@Component({
  selector: 'koers-source-page',
  imports: [LoadStateComponent, MatButtonModule, RouterLink, SourceJobComponent, SourcePreviewComponent, UploadPanelComponent],
  templateUrl: './source-page.component.html',
  styleUrl: './source-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SourcePageComponent {
  /** From the route. */
  readonly municipalityId = input.required<string>();
  readonly sourceId = input.required<string>();

  private readonly client = inject(KOERS_CLIENT);
  private readonly router = inject(Router);
  private readonly pendingTasks = inject(PendingTasks);
  protected readonly typeLabels = columnTypeLabels;
  protected readonly source = apiResource({
    params: () => ({ municipalityId: this.municipalityId(), sourceId: this.sourceId() }),
    loader: (params, abortSignal) => this.client.sources.get.query(params, { signal: abortSignal }),
    notFoundHint: 'Kies een bron in de lijst met bronnen.',
  });

  /** The upload waiting for confirmation, or the job being followed (publish, rollback). */
  protected readonly upload = linkedSignal<string, SourceJob | null>({ source: () => this.sourceId(), computation: () => null });
  protected readonly following = linkedSignal<string, SourceJob | null>({ source: () => this.sourceId(), computation: () => null });
  /** The version whose rollback waits for "Ja, terugzetten". */
  protected readonly confirmingVersion = signal<number | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly isDeleteConfirming = signal(false);

  protected readonly heading = computed(() => this.source.value()?.title ?? 'Bron');
  protected readonly details = computed(() => {
    const source = this.source.value();
    if (source === undefined) return undefined;
    return {
      formatText: source.format === null ? 'onbekend' : formatLabels[source.format],
      columns: Object.entries(source.columns).map(([name, type]) => ({ name, type: columnTypeLabels[type] })),
      versions: source.versions.map((version) => ({
        ...version,
        when: formatDateTime(version.uploadedAt),
        who: version.uploadedBy === 'werkmap' ? 'het bestand in de werkmap' : version.uploadedBy,
        hash: shortHash(version.sha256),
        rows: version.rowCount === null ? '—' : version.rowCount.toLocaleString('nl-NL'),
        size: formatFileSize(version.sizeBytes),
      })),
      indicatorLink: newIndicatorLink(this.municipalityId(), source.id),
    };
  });
  protected readonly isBusy = computed(() => {
    const job = this.following();
    return job !== null && isWorking(job);
  });

  constructor() {
    pageTitle(() => (this.source.value() === undefined ? undefined : `Bron ${this.heading()}`));
  }

  protected uploaded(job: SourceJob): void {
    this.actionError.set(null);
    this.upload.set(job);
  }

  protected publish(): void {
    const job = this.upload();
    if (job === null || this.isBusy()) return;
    this.act(async () => {
      this.following.set(await this.client.sources.publish.mutate({ municipalityId: this.municipalityId(), jobId: job.id }));
      this.upload.set(null);
    }, 'De nieuwe versie kon niet in gebruik worden genomen.');
  }

  protected discard(): void {
    const job = this.upload();
    if (job === null) return;
    this.act(async () => {
      if (job.state === 'previewed') await this.client.sources.discard.mutate({ municipalityId: this.municipalityId(), jobId: job.id });
      this.upload.set(null);
    }, 'De upload kon niet worden weggegooid.');
  }

  protected rollback(version: number): void {
    if (this.confirmingVersion() !== version) {
      this.confirmingVersion.set(version);
      return;
    }
    this.confirmingVersion.set(null);
    this.act(async () => {
      this.following.set(await this.client.sources.rollback.mutate({ municipalityId: this.municipalityId(), sourceId: this.sourceId(), version }));
    }, `Versie ${version} kon niet worden teruggezet.`);
  }

  protected deleteSource(): void {
    if (!this.isDeleteConfirming()) {
      this.isDeleteConfirming.set(true);
      return;
    }
    this.act(async () => {
      await this.client.sources.delete.mutate({ municipalityId: this.municipalityId(), sourceId: this.sourceId() });
      await this.router.navigate(['/', this.municipalityId(), 'bronnen']);
    }, 'De bron kon niet worden verwijderd.');
  }

  protected finished(): void {
    this.source.reload();
  }

  private act(work: () => Promise<void>, failure: string): void {
    this.actionError.set(null);
    void this.pendingTasks.run(async () => {
      try {
        await work();
      } catch (error) {
        this.actionError.set(`${failure} ${describeSourceError(error)}`);
      }
    });
  }
}
