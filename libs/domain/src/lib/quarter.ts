import { z } from 'zod';

/** A quarter label as the engine and the reports write it: `2025-Q1`. */
export const quarterPattern = /^(\d{4})-Q([1-4])$/;

export const quarterSchema = z
  .string()
  .regex(quarterPattern, 'must be a quarter written YYYY-Qn (for example 2025-Q1)');

export type Quarter = z.infer<typeof quarterSchema>;

/** The year and quarter number of a label; throws on a label that is not a quarter. */
export function parseQuarter(label: string): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const match = quarterPattern.exec(label);
  if (!match) {
    throw new Error(`"${label}" is not a quarter: write it as YYYY-Qn, for example 2025-Q1`);
  }
  return { year: Number(match[1]), quarter: Number(match[2]) as 1 | 2 | 3 | 4 };
}

/** The label of the quarter a date falls in. */
export function quarterOf(date: Date): Quarter {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** The quarter `steps` quarters after (or, negative, before) the given one. */
export function shiftQuarter(label: string, steps: number): Quarter {
  const { year, quarter } = parseQuarter(label);
  const index = year * 4 + (quarter - 1) + steps;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}
