import type { IndicatorMove, ReportComparison, ReportSnapshot, SlippedAction, SnapshotAction } from '@koers/domain';

/** Every action of a report with its program, by id. */
export function actionsOf(snapshot: ReportSnapshot): Map<string, { readonly action: SnapshotAction; readonly programId: string; readonly programTitle: string }> {
  return new Map(
    snapshot.programs.flatMap((program) =>
      program.tasks.flatMap((task) => task.actions.map((action) => [action.id, { action, programId: program.id, programTitle: program.title }] as const)),
    ),
  );
}

/**
 * What changed since the previous quarter's report: the indicators whose
 * status moved, and the actions that slipped (became delayed, or whose due
 * date moved later). Without a published report of that quarter, nothing is
 * compared and `previousVersion` is null.
 */
export function compareWithPreviousQuarter(current: ReportSnapshot, previousQuarter: string, previous: ReportSnapshot | null): ReportComparison {
  if (previous === null) return { previousQuarter, previousVersion: null, indicatorMoves: [], unchangedIndicators: 0, slippedActions: [] };
  const before = new Map(previous.indicators.map((indicator) => [indicator.id, indicator]));
  const indicatorMoves: IndicatorMove[] = [];
  let unchangedIndicators = 0;
  for (const indicator of current.indicators) {
    const earlier = before.get(indicator.id);
    if (earlier !== undefined && earlier.status === indicator.status) {
      unchangedIndicators += 1;
      continue;
    }
    indicatorMoves.push({
      id: indicator.id,
      title: indicator.title,
      from: earlier?.status ?? null,
      to: indicator.status,
      valueFrom: earlier?.latest?.value ?? null,
      valueTo: indicator.latest?.value ?? null,
      unit: indicator.unit,
      decimals: indicator.decimals,
    });
  }
  const earlierActions = actionsOf(previous);
  const slippedActions: SlippedAction[] = [];
  for (const [id, { action, programId, programTitle }] of actionsOf(current)) {
    const earlier = earlierActions.get(id)?.action;
    const becameDelayed = action.standing === 'delayed' && earlier?.standing !== 'delayed';
    const dueMoved = earlier !== undefined && earlier.due !== null && action.due !== null && action.due > earlier.due;
    if (!becameDelayed && !dueMoved) continue;
    slippedActions.push({ id, title: action.title, programId, programTitle, from: earlier?.standing ?? null, to: action.standing, dueFrom: earlier?.due ?? null, dueTo: action.due });
  }
  return { previousQuarter, previousVersion: previous.version, indicatorMoves, unchangedIndicators, slippedActions };
}
