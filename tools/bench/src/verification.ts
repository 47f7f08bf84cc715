import type { IndicatorResult } from '@koers/domain';
import { differences, relativeTolerance, type IndicatorValues, valuesOfResult } from './indicator-values';

/** How many values were compared. */
export interface Agreement {
  readonly indicators: number;
  readonly values: number;
}

/**
 * Checks that the engine's results equal the hand-written ones, indicator by
 * indicator, value by value (to {@link relativeTolerance} relative).
 *
 * @throws Error listing the first differences of each indicator that disagrees, or a missing indicator.
 */
export function verifyAgreement(
  engine: readonly IndicatorResult[],
  hand: ReadonlyMap<string, IndicatorValues>,
): Agreement {
  const problems: string[] = [];
  let values = 0;
  const byId = new Map(engine.map((result) => [result.id, result]));
  for (const [id, expected] of hand) {
    const result = byId.get(id);
    if (result === undefined) {
      problems.push(`${id}: computed by hand, missing from the engine's results`);
      continue;
    }
    const found = differences(expected, valuesOfResult(result));
    if (found.length > 0)
      problems.push(`${id}: ${found.length} differences, e.g.\n    ${found.slice(0, 5).join('\n    ')}`);
    values += expected.size;
  }
  if (problems.length > 0) {
    throw new Error(
      `the engine and the hand-written SQL disagree (relative tolerance ${relativeTolerance}):\n  ${problems.join('\n  ')}`,
    );
  }
  return { indicators: hand.size, values };
}
