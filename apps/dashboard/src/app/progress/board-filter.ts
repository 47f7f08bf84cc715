import { type BoardAction, type Priority, priorities, progressStatuses, shiftQuarter } from '@koers/domain';

/** What the status filter can ask for: a status, no report yet, or past the due date. */
export const statusFilters = ['not_reported', 'overdue', ...progressStatuses] as const;
export type StatusFilter = (typeof statusFilters)[number];

/** The filters of the actions board, as the URL carries them (`?team=&prioriteit=&status=&kwartaal=`); null is "all". */
export interface BoardFilter {
  readonly team: string | null;
  readonly priority: Priority | null;
  readonly status: StatusFilter | null;
}

/** The filter in the URL's words, with anything unknown read as "all". */
export function boardFilterOf(query: {
  team?: string | undefined;
  prioriteit?: string | undefined;
  status?: string | undefined;
}): BoardFilter {
  return {
    team: query.team?.trim() || null,
    priority: priorities.find((priority) => priority === query.prioriteit) ?? null,
    status: statusFilters.find((status) => status === query.status) ?? null,
  };
}

/**
 * The actions the filter lets through, in the order of work of team plans
 * (basis op orde, wettelijke taken, uitvoering, nieuw beleid) and, within a
 * priority, in budget order.
 */
export function filterActions(actions: readonly BoardAction[], filter: BoardFilter): BoardAction[] {
  return actions
    .map((action, index) => ({ action, index }))
    .filter(({ action }) => filter.team === null || action.owner === filter.team)
    .filter(({ action }) => filter.priority === null || action.priority === filter.priority)
    .filter(({ action }) => {
      if (filter.status === null) return true;
      if (filter.status === 'overdue') return action.isOverdue;
      if (filter.status === 'not_reported') return action.isAwaitingReport;
      return action.standing === filter.status;
    })
    .sort(
      (left, right) =>
        priorities.indexOf(left.action.priority) - priorities.indexOf(right.action.priority) ||
        left.index - right.index,
    )
    .map(({ action }) => action);
}

/** The quarters the board offers: this one and the seven before, newest first. */
export function quarterChoices(currentQuarter: string): string[] {
  return Array.from({ length: 8 }, (_, steps) => shiftQuarter(currentQuarter, -steps));
}
