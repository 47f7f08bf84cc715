import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { IndicatorSummary } from '@koers/domain';
import { apiResource } from '../../api/api-resource';
import { KOERS_CLIENT } from '../../api/koers-client';
import { ComputationNoticeComponent } from '../../computation/computation-notice.component';
import { refreshWhileCalculating } from '../../computation/refresh-while-calculating';
import { IndicatorCardComponent } from '../../indicators/indicator-card/indicator-card.component';
import { type Breadcrumb, BreadcrumbsComponent } from '../../layout/breadcrumbs.component';
import { LoadStateComponent } from '../../layout/load-state.component';
import { pageTitle } from '../../layout/page-title';
import { MunicipalitiesStore } from '../../municipalities/municipalities.store';
import { ActionItemComponent } from '../action-item/action-item.component';
import { commentaryBoardResource } from '../../commentary/commentary-board.resource';
import { EffectCommentaryComponent } from '../../commentary/effect-commentary/effect-commentary.component';
import { mayEditPrograms } from '../../progress/work-abilities';
import { SessionStore } from '../../session/session.store';

/**
 * `/:municipalityId/programmas/:programId`: one budget program. Vision,
 * portfolio holders, department and policy documents; each effect with the
 * cards of its indicators; each task with its actions and their progress.
 */
@Component({
  selector: 'koers-program-page',
  imports: [ActionItemComponent, BreadcrumbsComponent, ComputationNoticeComponent, EffectCommentaryComponent, IndicatorCardComponent, LoadStateComponent, RouterLink],
  templateUrl: './program-page.component.html',
  styleUrl: './program-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgramPageComponent {
  /** From the route. */
  readonly municipalityId = input.required<string>();
  /** From the route. */
  readonly programId = input.required<string>();

  private readonly client = inject(KOERS_CLIENT);
  private readonly municipalities = inject(MunicipalitiesStore);

  protected readonly detail = apiResource({
    params: () => ({ municipalityId: this.municipalityId(), programId: this.programId() }),
    loader: (params, signal) => this.client.programs.get.query(params, { signal }),
    notFoundHint: 'Kies een programma in het overzicht.',
  });

  protected readonly heading = computed(() => this.detail.value()?.program.title ?? 'Programma');

  /** The college's commentary on the effects, and the editor's link (issue 8). */
  protected readonly commentary = commentaryBoardResource(() => ({ municipalityId: this.municipalityId(), programId: this.programId() }));
  private readonly session = inject(SessionStore);
  protected readonly mayEdit = computed(() => mayEditPrograms(this.session.viewer(), this.municipalityId()));

  protected readonly trail = computed<Breadcrumb[]>(() => {
    const municipalityId = this.municipalityId();
    const name = this.detail.value()?.municipality.name ?? this.municipalities.nameOf(municipalityId) ?? municipalityId;
    return [{ label: name, link: ['/', municipalityId] }, { label: this.heading() }];
  });

  /** The cards of each effect, by effect id, in the order the effect lists its indicators. */
  protected readonly cardsByEffect = computed(() => {
    const detail = this.detail.value();
    const cards = new Map<string, IndicatorSummary[]>();
    if (detail === undefined) return cards;
    const byId = new Map(detail.indicators.map((indicator) => [indicator.id, indicator]));
    for (const effect of detail.program.effects) {
      cards.set(
        effect.id,
        effect.indicators.flatMap((id) => byId.get(id) ?? []),
      );
    }
    return cards;
  });

  constructor() {
    pageTitle(() => {
      const detail = this.detail.value();
      return detail === undefined ? undefined : `${detail.program.title} · ${detail.municipality.name}`;
    });
    refreshWhileCalculating(
      () => this.detail.value()?.computation,
      () => this.detail.reload(),
    );
  }
}
