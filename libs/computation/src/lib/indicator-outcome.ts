import type { IndicatorDefinition, IndicatorProblem, IndicatorReport, PeriodStatus, WorkspaceProblem } from '@koers/domain';
import { type EngineError, statusOf } from '@koers/kpi';

/** The status each value had against its own year's target, by the contract's rule (exact at the bounds). */
export function statusesOf(report: IndicatorReport, indicator: IndicatorDefinition): PeriodStatus[] {
  return report.values.flatMap((value) => (value.value === null ? [] : [{ period: value.period, status: statusOf(value, indicator).status }]));
}

/** An engine's or the loader's problem as it is stored and shown: file, message, and line and field where known. */
export function problemOf(problem: EngineError | WorkspaceProblem): IndicatorProblem {
  return {
    file: problem.file,
    message: problem.message,
    ...(problem.line === undefined ? {} : { line: problem.line }),
    ...(problem.field === undefined ? {} : { field: problem.field }),
  };
}
