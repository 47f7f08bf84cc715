import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import type { ReportSearchHit } from '@koers/domain';
import { describeChangeError } from '../change-error';
import { apiResource } from '../../api/api-resource';
import { KOERS_CLIENT } from '../../api/koers-client';
import { formatDate, formatPeriod } from '../../format/dutch-format';
import { LoadStateComponent } from '../../layout/load-state.component';
import { pageTitle } from '../../layout/page-title';
import { MunicipalitiesStore } from '../../municipalities/municipalities.store';
import { reportStatusLabels, reportTitle } from '../report-labels';

/**
 * `/:municipalityId/rapportages`: the quarterly reports. The council sees the
 * published ones; the college also its drafts, opens the report of an ended
 * quarter and decides whether published reports are public. Everyone can
 * search the published reports and their questions.
 */
@Component({
  selector: 'koers-reports-page',
  imports: [LoadStateComponent, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, RouterLink],
  templateUrl: './reports-page.component.html',
  styleUrl: './reports-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPageComponent {
  /** From the route. */
  readonly municipalityId = input.required<string>();

  private readonly client = inject(KOERS_CLIENT);
  private readonly router = inject(Router);
  private readonly municipalities = inject(MunicipalitiesStore);

  protected readonly list = apiResource({
    params: () => this.municipalityId(),
    loader: (municipalityId, signal) => this.client.reports.list.query({ municipalityId }, { signal }),
  });

  protected readonly heading = computed(() => {
    const name = this.list.value()?.municipality.name ?? this.municipalities.nameOf(this.municipalityId());
    return name === undefined ? 'Kwartaalrapportages' : `Kwartaalrapportages van ${name}`;
  });
  protected readonly statusLabels = reportStatusLabels;
  protected readonly reportTitle = reportTitle;
  protected readonly formatDate = formatDate;
  protected readonly formatPeriod = formatPeriod;

  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly query = signal('');
  protected readonly hits = signal<readonly ReportSearchHit[] | null>(null);
  protected readonly searchProblem = signal<string | null>(null);

  constructor() {
    pageTitle(() => this.heading());
  }

  /** Starts the report of an ended quarter and goes to its draft. */
  protected async open(quarter: string): Promise<void> {
    await this.change(async () => {
      await this.client.reports.open.mutate({ municipalityId: this.municipalityId(), quarter });
      await this.router.navigate(['/', this.municipalityId(), 'rapportages', quarter]);
    });
  }

  protected async setPublic(isPublic: boolean): Promise<void> {
    await this.change(async () => {
      await this.client.reports.setPublic.mutate({ municipalityId: this.municipalityId(), isPublic });
      this.list.reload();
    });
  }

  protected async search(event: Event): Promise<void> {
    event.preventDefault();
    this.searchProblem.set(null);
    try {
      this.hits.set(await this.client.reports.search.query({ municipalityId: this.municipalityId(), query: this.query() }));
    } catch (error) {
      this.hits.set(null);
      this.searchProblem.set(describeChangeError(error));
    }
  }

  protected inputValue(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  private async change(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await work();
    } catch (error) {
      this.problem.set(describeChangeError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
