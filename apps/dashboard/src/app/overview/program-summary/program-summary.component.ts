import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ProgramSummary } from '@koers/domain';
import { formatPeriod } from '../../format/dutch-format';
import { IndicatorLineComponent } from '../../indicators/indicator-line/indicator-line.component';
import { progressStatusLabels, progressStatusOrder } from '../../status/indicator-status';

/** One program on the overview: its effects with the status of their indicators, and how its actions stand. */
@Component({
  selector: 'koers-program-summary',
  imports: [IndicatorLineComponent, RouterLink],
  templateUrl: './program-summary.component.html',
  styleUrl: './program-summary.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgramSummaryComponent {
  readonly program = input.required<ProgramSummary>();
  readonly municipalityId = input.required<string>();
  /** The quarter the action counts are for. */
  readonly progressQuarter = input.required<string>();
  /** False while nothing is computed: effects then show no indicator lines. */
  readonly hasResults = input(true);

  protected readonly titleId = computed(() => `programma-${this.program().id}`);

  /** "2 acties in 4e kwartaal 2026: 1 vertraagd, 1 niet gerapporteerd". */
  protected readonly actionStanding = computed(() => {
    const { actionCount, actionStatus } = this.program();
    if (actionCount === 0) return 'Nog geen acties vastgelegd.';
    const counts = progressStatusOrder
      .filter((status) => actionStatus[status] > 0)
      .map((status) => `${actionStatus[status]} ${progressStatusLabels[status].toLowerCase()}`);
    const noun = actionCount === 1 ? 'actie' : 'acties';
    return `${actionCount} ${noun} in ${formatPeriod(this.progressQuarter())}: ${counts.join(', ')}.`;
  });
}
