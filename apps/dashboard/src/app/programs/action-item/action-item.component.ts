import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Action, ActionProgress } from '@koers/domain';
import { formatDate, formatPeriod } from '../../format/dutch-format';
import { progressStatusLabels } from '../../status/indicator-status';
import { actionKindLabels, priorityLabels } from '../action-labels';

/**
 * One action of a task: its title and description (in Diemen's demo, the
 * points of the motion it carries out), kind, priority, owner, due date, and
 * the latest progress its team lead reported.
 */
@Component({
  selector: 'koers-action-item',
  templateUrl: './action-item.component.html',
  styleUrl: './action-item.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActionItemComponent {
  readonly action = input.required<Action>();
  /** The latest progress reported, if any. */
  readonly progress = input<ActionProgress | undefined>(undefined);
  /** The quarter whose progress is due. */
  readonly progressQuarter = input.required<string>();

  protected readonly actionKindLabels = actionKindLabels;
  protected readonly priorityLabels = priorityLabels;

  /** "Looptijd: 1 januari 2021 – 31 maart 2021", or just the start or the end date. */
  protected readonly period = computed(() => {
    const { start, due } = this.action();
    if (start !== undefined && due !== undefined) return { label: 'Looptijd', text: `${formatDate(start)} – ${formatDate(due)}` };
    if (due !== undefined) return { label: 'Einddatum', text: formatDate(due) };
    if (start !== undefined) return { label: 'Startdatum', text: formatDate(start) };
    return null;
  });

  protected readonly progressText = computed(() => {
    const progress = this.progress();
    const quarter = formatPeriod(this.progressQuarter());
    if (progress === undefined) return { status: progressStatusLabels.not_reported, detail: `Nog geen voortgang over het ${quarter}.` };
    const status = progressStatusLabels[progress.status];
    // A finished or cancelled action has nothing left to report.
    const isClosed = progress.status === 'done' || progress.status === 'cancelled';
    const detail =
      progress.quarter === this.progressQuarter() || isClosed
        ? `${progress.percent}% gereed (${formatPeriod(progress.quarter)})`
        : `${progress.percent}% gereed volgens het ${formatPeriod(progress.quarter)}; nog niet gerapporteerd over het ${quarter}`;
    return { status, detail };
  });
}
