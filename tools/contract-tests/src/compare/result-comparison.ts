import { type IndicatorResult } from '@koers/domain';

/** Relative tolerance for numbers (the values are sums and quotients of doubles). */
const relativeTolerance = 1e-9;

function numbersAgree(actual: unknown, expected: number | null): boolean {
  if (expected === null || typeof actual !== 'number') return actual === expected;
  const difference = Math.abs(actual - expected);
  return difference <= relativeTolerance * Math.max(Math.abs(actual), Math.abs(expected)) || difference < 1e-12;
}

function show(value: unknown): string {
  return JSON.stringify(value);
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

type ExpectedRow = { period: string; value: number | null; member?: string | null };

function keyOf(row: object): string {
  const fields = row as Record<string, unknown>;
  return 'member' in fields ? `${show(fields['member'])} ${String(fields['period'])}` : String(fields['period']);
}

/**
 * Compares rows by their key (member and period): missing and extra rows, and
 * each value. With `isOrdered`, the order must match as well (the contract
 * says "periods ascending"; the breakdown order is checked on its own).
 */
function comparePeriodValues(
  where: string,
  actual: unknown,
  expected: readonly ExpectedRow[],
  differences: string[],
  isOrdered: boolean,
): void {
  if (!Array.isArray(actual)) {
    differences.push(`${where}: expected an array, got ${show(actual)}`);
    return;
  }
  const expectedKeys = expected.map((item) => keyOf(item));
  const actualRows = new Map(actual.map((item) => [keyOf(record(item)), record(item)]));
  const missing = expectedKeys.filter((key) => !actualRows.has(key));
  const extra = [...actualRows.keys()].filter((key) => !expectedKeys.includes(key));
  if (missing.length + extra.length > 0 || actualRows.size !== actual.length) {
    differences.push(`${where}: rows differ (missing ${show(missing.slice(0, 8))}, extra ${show(extra.slice(0, 8))}, ${actual.length} rows for ${expected.length})`);
  }
  if (isOrdered && missing.length + extra.length === 0 && show([...actualRows.keys()]) !== show(expectedKeys)) {
    differences.push(`${where}: order differs: expected ${show(expectedKeys.slice(0, 12))}, got ${show([...actualRows.keys()].slice(0, 12))}`);
  }
  expected.forEach((item, index) => {
    const key = expectedKeys[index] ?? '';
    const row = actualRows.get(key);
    if (row && !numbersAgree(row['value'], item.value)) differences.push(`${where}[${key}]: expected ${show(item.value)}, got ${show(row['value'])}`);
  });
}

/**
 * Every way one indicator of `compute --json` differs from the reference:
 * status, latest, target, values (in order) and breakdown rows, each number
 * to 1e-9 relative. Empty when they agree. The breakdown's order is
 * `breakdownOrderDifferencesOf`.
 */
export function differencesOf(actual: unknown, expected: IndicatorResult): string[] {
  const differences: string[] = [];
  const result = record(actual);
  if (result['status'] !== expected.status) differences.push(`status: expected ${expected.status}, got ${show(result['status'])}`);
  const latest = result['latest'];
  if (expected.latest === null) {
    if (latest !== null) differences.push(`latest: expected null, got ${show(latest)}`);
  } else if (record(latest)['period'] !== expected.latest.period || !numbersAgree(record(latest)['value'], expected.latest.value)) {
    differences.push(`latest: expected ${show(expected.latest)}, got ${show(latest)}`);
  }
  if (!numbersAgree(result['target'], expected.target)) differences.push(`target: expected ${show(expected.target)}, got ${show(result['target'])}`);
  comparePeriodValues('values', result['values'], expected.values, differences, true);
  const breakdown = record(result['breakdown']);
  const expectedDimensions = Object.keys(expected.breakdown);
  if (show(Object.keys(breakdown).sort()) !== show([...expectedDimensions].sort())) {
    differences.push(`breakdown: expected dimensions ${show(expectedDimensions)}, got ${show(Object.keys(breakdown))}`);
  }
  for (const dimension of expectedDimensions) {
    comparePeriodValues(`breakdown[${dimension}]`, breakdown[dimension], expected.breakdown[dimension] ?? [], differences, false);
  }
  return differences;
}

/**
 * How the order of an indicator's breakdown rows differs from the reference's:
 * members ascending in the column's own type (numbers as numbers, text in
 * DuckDB's byte order), the null member last, then periods ascending.
 */
export function breakdownOrderDifferencesOf(actual: unknown, expected: IndicatorResult): string[] {
  const breakdown = record(record(actual)['breakdown']);
  return Object.entries(expected.breakdown).flatMap(([dimension, rows]) => {
    const got = breakdown[dimension];
    if (!Array.isArray(got)) return [];
    const expectedKeys = rows.map((row) => keyOf(row));
    const actualKeys = got.map((row) => keyOf(record(row)));
    if (show(actualKeys) === show(expectedKeys)) return [];
    const members = (keys: string[]): string[] => [...new Set(keys.map((key) => key.slice(0, key.lastIndexOf(' '))))];
    return [`${expected.id} breakdown[${dimension}]: members expected in order ${members(expectedKeys).join(', ')}; got ${members(actualKeys).join(', ')}`];
  });
}
