import type { IndicatorResult } from '@koers/domain';

/** Every value of one indicator, by {@link valueKey}: the total's and each member's, per period. */
export type IndicatorValues = Map<string, number | null>;

/** The key of one value: dimension (empty for the total), member (`∅` for the null member), period. */
export function valueKey(dimension: string | null, member: string | null, period: string): string {
  return `${dimension ?? ''}|${member ?? '∅'}|${period}`;
}

/** The values of an engine result (contract JSON) as {@link IndicatorValues}. */
export function valuesOfResult(result: IndicatorResult): IndicatorValues {
  const values: IndicatorValues = new Map();
  for (const { period, value } of result.values) values.set(valueKey(null, null, period), value);
  for (const [dimension, members] of Object.entries(result.breakdown)) {
    for (const { member, period, value } of members) values.set(valueKey(dimension, member, period), value);
  }
  return values;
}

/** Relative tolerance of the comparison: the two sides may add doubles in another order. */
export const relativeTolerance = 1e-9;

/**
 * The differences between two sides' values of one indicator (missing keys,
 * null against a number, numbers further apart than {@link relativeTolerance}
 * relative to the larger): empty when they agree.
 */
export function differences(expected: IndicatorValues, actual: IndicatorValues): string[] {
  const found: string[] = [];
  for (const [key, value] of expected) {
    if (!actual.has(key)) found.push(`${key}: ${value} by hand, missing in the engine`);
    else if (!close(value, actual.get(key) ?? null))
      found.push(`${key}: ${value} by hand, ${actual.get(key)} by the engine`);
  }
  for (const [key, value] of actual)
    if (!expected.has(key)) found.push(`${key}: ${value} by the engine, missing by hand`);
  return found;
}

function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= relativeTolerance * Math.max(Math.abs(a), Math.abs(b));
}
