import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { apiResource } from '../../api/api-resource';
import { KOERS_CLIENT } from '../../api/koers-client';
import { ComputationNoticeComponent } from '../../computation/computation-notice.component';
import { RecomputeButtonComponent } from '../../computation/recompute-button.component';
import { calculatingRefreshMilliseconds, refreshWhileCalculating } from '../../computation/refresh-while-calculating';
import { PeriodPipe } from '../../format/format.pipes';
import { LoadStateComponent } from '../../layout/load-state.component';
import { pageTitle } from '../../layout/page-title';
import { MunicipalitiesStore } from '../../municipalities/municipalities.store';
import { SessionStore } from '../../session/session.store';
import { mayRunComputations } from '../../session/viewer-abilities';
import { indicatorStatusOrder } from '../../status/indicator-status';
import { StatusBadgeComponent } from '../../status/status-badge.component';
import { ProgramSummaryComponent } from '../program-summary/program-summary.component';
import { TodoListComponent } from '../../todo/todo-list/todo-list.component';

/** How long the page follows a computation it asked for: the server stops one after 10 minutes by default. */
const followComputationMilliseconds = 11 * 60_000;

/**
 * `/:municipalityId`: the municipality *in één oogopslag*. How many indicators
 * stand where, what changed since the previous quarter, and per program its
 * effects with the status of their indicators and how its actions stand.
 */
@Component({
  selector: 'koers-overview-page',
  imports: [
    ComputationNoticeComponent,
    LoadStateComponent,
    PeriodPipe,
    ProgramSummaryComponent,
    RecomputeButtonComponent,
    RouterLink,
    StatusBadgeComponent,
    TodoListComponent,
  ],
  templateUrl: './overview-page.component.html',
  styleUrl: './overview-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewPageComponent {
  /** From the route. */
  readonly municipalityId = input.required<string>();

  private readonly client = inject(KOERS_CLIENT);
  private readonly municipalities = inject(MunicipalitiesStore);
  private readonly session = inject(SessionStore);

  protected readonly overview = apiResource({
    params: () => this.municipalityId(),
    loader: (municipalityId, signal) => this.client.overview.get.query({ municipalityId }, { signal }),
  });

  protected readonly statusOrder = indicatorStatusOrder;

  /** "Nu opnieuw berekenen": for the data team and admins of this municipality. */
  protected readonly mayRecompute = computed(() => mayRunComputations(this.session.viewer(), this.municipalityId()));

  /**
   * Set when this user asked for a computation here: the finish of the last
   * computation before it. The page asks again until a later one has finished
   * (the queued computation may show as running only a moment after the request).
   */
  private readonly followedComputation = signal<{ readonly lastFinishedBefore: string | null; readonly giveUpAt: number } | null>(null);

  /** "Uithoorn in één oogopslag", from the answer or, while it loads, the municipality list. */
  protected readonly heading = computed(() => {
    const name = this.overview.value()?.municipality.name ?? this.municipalities.nameOf(this.municipalityId());
    return name === undefined ? 'Overzicht' : `${name} in één oogopslag`;
  });

  protected readonly indicatorCount = computed(() => {
    const counts = this.overview.value()?.indicatorStatus;
    return counts === undefined ? 0 : indicatorStatusOrder.reduce((total, status) => total + counts[status], 0);
  });

  constructor() {
    pageTitle(() => this.heading());
    refreshWhileCalculating(
      () => this.overview.value()?.computation,
      () => this.overview.reload(),
    );
    effect((onCleanup) => {
      const computation = this.overview.value()?.computation;
      const followed = this.followedComputation();
      if (followed === null || computation === undefined) return;
      if (computation.lastFinishedAt !== followed.lastFinishedBefore || Date.now() > followed.giveUpAt) {
        this.followedComputation.set(null);
        return;
      }
      const timer = setTimeout(() => this.overview.reload(), calculatingRefreshMilliseconds);
      onCleanup(() => clearTimeout(timer));
    });
  }

  /** The computation is queued: show it, and follow it until it has finished (at most as long as the server lets one run). */
  protected followComputation(): void {
    const lastFinishedBefore = this.overview.value()?.computation.lastFinishedAt ?? null;
    this.followedComputation.set({ lastFinishedBefore, giveUpAt: Date.now() + followComputationMilliseconds });
    this.overview.reload();
  }
}
