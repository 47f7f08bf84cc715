import { explanationFieldLabels, type ExplanationFields, type ReportChange, type ReportSnapshot, type SnapshotExplanation } from '@koers/domain';
import { actionsOf } from './report-comparison.builder';
import { actionStandingWords, indicatorStatusWords, motionPointStatusWords } from './report-words';

/**
 * What differs between two versions of one report (`before` the earlier):
 * values and statuses of indicators, the progress of actions, explanations,
 * commentary and the motions' points. Numbers are written as they are stored,
 * with a point; the dashboard writes them in Dutch.
 */
export function diffReportVersions(before: ReportSnapshot, after: ReportSnapshot): ReportChange[] {
  const changes: ReportChange[] = [];
  const change = (entry: ReportChange) => {
    if (entry.before !== entry.after) changes.push(entry);
  };

  const earlierIndicators = new Map(before.indicators.map((indicator) => [indicator.id, indicator]));
  for (const indicator of after.indicators) {
    const earlier = earlierIndicators.get(indicator.id);
    const base = { itemKind: 'indicator' as const, itemId: indicator.id, title: indicator.title };
    change({ ...base, field: 'status', before: earlier === undefined ? null : indicatorStatusWords[earlier.status], after: indicatorStatusWords[indicator.status] });
    const earlierValues = new Map(earlier?.values.map((value) => [value.period, value.value]) ?? []);
    const periods = [...new Set([...earlierValues.keys(), ...indicator.values.map((value) => value.period)])].sort();
    const values = new Map(indicator.values.map((value) => [value.period, value.value]));
    for (const period of periods) change({ ...base, field: `waarde ${period}`, before: numberText(earlierValues.get(period)), after: numberText(values.get(period)) });
    change({ ...base, field: 'streefwaarde', before: numberText(earlier?.target), after: numberText(indicator.target) });
  }

  const earlierEffects = new Map(before.programs.flatMap((program) => program.effects.map((effect) => [effect.id, effect])));
  for (const effect of after.programs.flatMap((program) => program.effects)) {
    const earlier = earlierEffects.get(effect.id);
    const base = { itemKind: 'effect' as const, itemId: effect.id, title: effect.title };
    explanationChanges(earlier?.explanation ?? null, effect.explanation).forEach((entry) => change({ ...base, ...entry }));
    change({ ...base, field: 'toelichting van het college', before: earlier?.commentary?.text ?? null, after: effect.commentary?.text ?? null });
  }

  const earlierActions = actionsOf(before);
  for (const [id, { action }] of actionsOf(after)) {
    const earlier = earlierActions.get(id)?.action;
    const base = { itemKind: 'action' as const, itemId: id, title: action.title };
    change({ ...base, field: 'voortgang', before: earlier === undefined ? null : actionStandingWords[earlier.standing], after: actionStandingWords[action.standing] });
    change({ ...base, field: 'percentage gereed', before: numberText(earlier?.progress?.percent), after: numberText(action.progress?.percent) });
    explanationChanges(earlier?.explanation ?? null, action.explanation).forEach((entry) => change({ ...base, ...entry }));
  }

  const earlierMotions = new Map(before.motions.map((motion) => [motion.id, motion]));
  for (const motion of after.motions) {
    const earlierPoints = new Map(earlierMotions.get(motion.id)?.points.map((point) => [point.number, point]) ?? []);
    for (const point of motion.points) {
      const earlier = earlierPoints.get(point.number);
      const base = { itemKind: 'motion' as const, itemId: motion.id, title: `${motion.reference} ${motion.title}` };
      change({ ...base, field: `punt ${point.number}: status`, before: earlier === undefined ? null : motionPointStatusWords[earlier.status], after: motionPointStatusWords[point.status] });
      change({ ...base, field: `punt ${point.number}: reactie`, before: earlier?.response ?? null, after: point.response });
    }
  }
  return changes;
}

function explanationChanges(before: SnapshotExplanation | null, after: SnapshotExplanation | null): { field: string; before: string | null; after: string | null }[] {
  return (Object.keys(explanationFieldLabels) as (keyof ExplanationFields)[]).map((field) => ({
    field: explanationFieldLabels[field],
    before: emptyAsNull(before?.[field]),
    after: emptyAsNull(after?.[field]),
  }));
}

function emptyAsNull(text: string | undefined): string | null {
  return text === undefined || text === '' ? null : text;
}

function numberText(value: number | null | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}
