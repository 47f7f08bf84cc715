import type { ActionProgress, ActionStatusCounts, ProgressStatus } from '@koers/domain';

/**
 * Where an action stands in `quarter`: a finished or cancelled action stays
 * so; otherwise its update of that quarter, or `not_reported` without one.
 */
export function actionStandingOf(latest: ActionProgress | undefined, quarter: string): ProgressStatus | 'not_reported' {
  if (latest === undefined) return 'not_reported';
  if (latest.status === 'done' || latest.status === 'cancelled') return latest.status;
  return latest.quarter === quarter ? latest.status : 'not_reported';
}

/** How many of `actionIds` stand where in `quarter`. */
export function countActionStandings(
  actionIds: readonly string[],
  progress: ReadonlyMap<string, ActionProgress>,
  quarter: string,
): ActionStatusCounts {
  const counts = { not_started: 0, on_schedule: 0, delayed: 0, done: 0, cancelled: 0, not_reported: 0 };
  for (const id of actionIds) counts[actionStandingOf(progress.get(id), quarter)] += 1;
  return counts;
}
