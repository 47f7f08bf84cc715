import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { apiResource } from '../../api/api-resource';
import { KOERS_CLIENT } from '../../api/koers-client';
import { formatDateTime } from '../../format/dutch-format';
import { LoadStateComponent } from '../../layout/load-state.component';
import { pageTitle } from '../../layout/page-title';
import { MunicipalitiesStore } from '../../municipalities/municipalities.store';
import { formatLabels, jobKindLabels, jobStateLabels } from '../source-labels';

/**
 * `/:municipalityId/bronnen`: the municipality's sources for the data team
 * (and admins): what each reads, which version serves, which indicators use
 * it, how its latest upload went; "Nieuwe bron" and the API tokens for scripts.
 */
@Component({
  selector: 'koers-sources-page',
  imports: [LoadStateComponent, MatButtonModule, RouterLink],
  templateUrl: './sources-page.component.html',
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      margin-bottom: 1rem;
    }
    .used-by {
      margin: 0;
      padding-left: 1.1rem;
    }
    .failed {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SourcesPageComponent {
  /** From the route. */
  readonly municipalityId = input.required<string>();

  private readonly client = inject(KOERS_CLIENT);
  private readonly municipalities = inject(MunicipalitiesStore);
  protected readonly sources = apiResource({
    params: () => this.municipalityId(),
    loader: (municipalityId, abortSignal) => this.client.sources.list.query({ municipalityId }, { signal: abortSignal }),
  });
  protected readonly heading = computed(() => {
    const name = this.municipalities.nameOf(this.municipalityId());
    return name === undefined ? 'Bronnen' : `Bronnen van ${name}`;
  });
  protected readonly rows = computed(() =>
    (this.sources.value() ?? []).map((source) => ({
      ...source,
      formatText: source.format === null ? '' : formatLabels[source.format],
      servingText:
        source.serving === null
          ? 'nog niet geladen'
          : `${source.serving.version === null ? 'werkmap' : `versie ${source.serving.version}`} · ${source.serving.rowCount.toLocaleString('nl-NL')} rijen · ${formatDateTime(source.serving.loadedAt)}`,
      lastJobText: source.lastJob === null ? '' : `${jobKindLabels[source.lastJob.kind]}: ${jobStateLabels[source.lastJob.state].toLowerCase()}`,
      isFailed: source.lastJob?.state === 'failed',
    })),
  );

  constructor() {
    pageTitle(() => this.heading());
  }
}
