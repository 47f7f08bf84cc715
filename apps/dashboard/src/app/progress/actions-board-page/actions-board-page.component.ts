import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { type BoardAction, priorities } from '@koers/domain';
import { apiResource } from '../../api/api-resource';
import { KOERS_CLIENT } from '../../api/koers-client';
import { formatDate, formatDateTime, formatPeriod } from '../../format/dutch-format';
import { type Breadcrumb, BreadcrumbsComponent } from '../../layout/breadcrumbs.component';
import { LoadStateComponent } from '../../layout/load-state.component';
import { pageTitle } from '../../layout/page-title';
import { MunicipalitiesStore } from '../../municipalities/municipalities.store';
import { actionKindLabels, priorityLabels } from '../../programs/action-labels';
import { progressStatusLabels } from '../../status/indicator-status';
import { boardFilterOf, filterActions, quarterChoices, type StatusFilter, statusFilters } from '../board-filter';
import { ProgressFormComponent } from '../progress-form/progress-form.component';

const statusFilterLabels: Readonly<Record<StatusFilter, string>> = {
  ...progressStatusLabels,
  not_reported: 'Nog niet bijgewerkt',
  overdue: 'Over de einddatum',
};

/**
 * `/:municipalityId/acties`: the actions board. Every action with its standing
 * in the quarter, filtered by team, priority, status and quarter (in the URL);
 * overdue actions and actions without a report this quarter say so in words.
 * A team lead reports on their own team's actions inline; the college and
 * admins see per team how many actions still await a report.
 */
@Component({
  selector: 'koers-actions-board-page',
  imports: [BreadcrumbsComponent, LoadStateComponent, ProgressFormComponent, RouterLink],
  templateUrl: './actions-board-page.component.html',
  styleUrl: './actions-board-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActionsBoardPageComponent {
  /** From the route. */
  readonly municipalityId = input.required<string>();
  /** `?team=`: one owner team. */
  readonly team = input<string>();
  /** `?prioriteit=`: basis, statutory, execution or new_policy. */
  readonly prioriteit = input<string>();
  /** `?status=`: a progress status, `not_reported` or `overdue`. */
  readonly status = input<string>();
  /** `?kwartaal=`: `2026-Q3`; today's quarter when left out. */
  readonly kwartaal = input<string>();

  private readonly client = inject(KOERS_CLIENT);
  private readonly router = inject(Router);
  private readonly municipalities = inject(MunicipalitiesStore);

  protected readonly board = apiResource({
    params: () => ({
      municipalityId: this.municipalityId(),
      quarter: /^\d{4}-Q[1-4]$/.test(this.kwartaal() ?? '') ? this.kwartaal() : undefined,
    }),
    loader: (params, signal) => this.client.progress.board.query(params, { signal }),
    keepPreviousWhile: (previous, next) => previous.municipalityId === next.municipalityId,
  });

  protected readonly filter = computed(() =>
    boardFilterOf({ team: this.team(), prioriteit: this.prioriteit(), status: this.status() }),
  );
  protected readonly shown = computed(() => filterActions(this.board.value()?.actions ?? [], this.filter()));
  protected readonly quarters = computed(() => quarterChoices(this.board.value()?.currentQuarter ?? '2026-Q1'));

  protected readonly priorities = priorities;
  protected readonly priorityLabels = priorityLabels;
  protected readonly kindLabels = actionKindLabels;
  protected readonly statusFilters = statusFilters;
  protected readonly statusFilterLabels = statusFilterLabels;
  protected readonly standingLabels = progressStatusLabels;
  protected readonly formatPeriod = formatPeriod;
  protected readonly formatDate = formatDate;
  protected readonly formatDateTime = formatDateTime;

  protected readonly trail = computed<Breadcrumb[]>(() => {
    const municipalityId = this.municipalityId();
    const name = this.board.value()?.municipality.name ?? this.municipalities.nameOf(municipalityId) ?? municipalityId;
    return [{ label: name, link: ['/', municipalityId] }, { label: 'Acties' }];
  });

  constructor() {
    pageTitle(() => {
      const board = this.board.value();
      return board === undefined ? 'Acties' : `Acties ${formatPeriod(board.quarter)} · ${board.municipality.name}`;
    });
  }

  /** Puts one filter in the URL (null: all), keeping the others. */
  protected setFilter(name: 'team' | 'prioriteit' | 'status' | 'kwartaal', value: string): void {
    void this.router.navigate([], {
      queryParams: { [name]: value === '' ? null : value },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected period(action: BoardAction): string | null {
    if (action.start !== null && action.due !== null) return `${formatDate(action.start)} – ${formatDate(action.due)}`;
    if (action.due !== null) return `tot ${formatDate(action.due)}`;
    if (action.start !== null) return `vanaf ${formatDate(action.start)}`;
    return null;
  }

  protected reported(): void {
    this.board.reload();
  }
}
