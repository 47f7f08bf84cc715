import {
  type ActionProgress,
  type ComputationHistory,
  type Municipality,
  type ProgramDetail,
  type ProgramOverview,
  quarterOf,
  type StoredIndicator,
} from '@koers/domain';
import { computationViewOf } from './computation-view.builder';
import { summarizeIndicator } from './indicator-summary.builder';

/** What a program page is built from. */
export interface ProgramDetailInputs {
  readonly municipality: Municipality;
  readonly program: ProgramOverview;
  readonly indicators: readonly StoredIndicator[];
  readonly progress: readonly ActionProgress[];
  readonly history: ComputationHistory;
  readonly now: Date;
}

/** One program with its indicator cards and the latest progress of each of its actions. */
export function buildProgramDetail(inputs: ProgramDetailInputs): ProgramDetail {
  const storedById = new Map(inputs.indicators.map((stored) => [stored.indicatorId, stored]));
  const indicatorIds = [...new Set(inputs.program.effects.flatMap((effect) => effect.indicators))];
  const actionIds = new Set(inputs.program.tasks.flatMap((task) => task.actions.map((action) => action.id)));
  return {
    municipality: inputs.municipality,
    computation: computationViewOf(inputs.history, inputs.indicators.some((stored) => stored.report !== null)),
    program: inputs.program,
    indicators: indicatorIds.flatMap((id) => {
      const stored = storedById.get(id);
      return stored === undefined ? [] : [summarizeIndicator(stored)];
    }),
    progress: Object.fromEntries(inputs.progress.filter((update) => actionIds.has(update.actionId)).map((update) => [update.actionId, update])),
    progressQuarter: quarterOf(inputs.now),
  };
}
