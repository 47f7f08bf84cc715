import { explanationFieldLabels, type ExplanationFields, isExplained, type ReportException, type ReportSnapshot } from '@koers/domain';
import { actionStandingWords, indicatorStatusWords } from './report-words';

/**
 * The exceptions of a report, in program order: each effect with an indicator
 * at risk or off track, and each delayed action, with why it is one and
 * whether its cause, consequence and correction are written.
 */
export function listExceptions(snapshot: ReportSnapshot): ReportException[] {
  const indicators = new Map(snapshot.indicators.map((indicator) => [indicator.id, indicator]));
  return snapshot.programs.flatMap((program) => [
    ...program.effects
      .filter((effect) => effect.isException)
      .map(
        (effect): ReportException => ({
          kind: 'effect',
          id: effect.id,
          title: effect.title,
          programId: program.id,
          programTitle: program.title,
          reason: effect.indicatorIds
            .flatMap((id) => {
              const indicator = indicators.get(id);
              return indicator === undefined || (indicator.status !== 'at_risk' && indicator.status !== 'off_track')
                ? []
                : [`${indicator.title}: ${indicatorStatusWords[indicator.status]}`];
            })
            .join('; '),
          isExplained: isExplained(effect.explanation),
        }),
      ),
    ...program.tasks.flatMap((task) =>
      task.actions
        .filter((action) => action.isException)
        .map(
          (action): ReportException => ({
            kind: 'action',
            id: action.id,
            title: action.title,
            programId: program.id,
            programTitle: program.title,
            reason: `${actionStandingWords[action.standing]}${action.progress === null ? '' : ` (${action.progress.percent}%)`}`,
            isExplained: isExplained(action.explanation),
          }),
        ),
    ),
  ]);
}

/** What is still missing before the report may be approved, one Dutch sentence per exception; empty when nothing is. */
export function missingExplanations(snapshot: ReportSnapshot): string[] {
  const explanations = new Map<string, ExplanationFields | null>();
  for (const program of snapshot.programs) {
    for (const effect of program.effects) explanations.set(`effect:${effect.id}`, effect.explanation);
    for (const task of program.tasks) for (const action of task.actions) explanations.set(`action:${action.id}`, action.explanation);
  }
  return listExceptions(snapshot)
    .filter((exception) => !exception.isExplained)
    .map((exception) => {
      const fields = explanations.get(`${exception.kind}:${exception.id}`);
      const missing = (Object.keys(explanationFieldLabels) as (keyof ExplanationFields)[]).filter((field) => !fields || fields[field] === '');
      const what = exception.kind === 'effect' ? 'effect' : 'actie';
      return `${what} "${exception.title}" (${exception.reason}) mist: ${missing.map((field) => explanationFieldLabels[field]).join(', ')}`;
    });
}
