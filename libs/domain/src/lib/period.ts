import type { Grain } from './indicator.schema';
import { type Quarter, quarterPattern } from './quarter';

/** How many periods of a grain make a year. */
export const periodsPerYear: Readonly<Record<Grain, number>> = { year: 1, quarter: 4, month: 12 };

/** The grain a period label is written in: `2025` year, `2025-Q1` quarter, `2025-03` month. */
export function grainOfPeriod(period: string): Grain {
  if (quarterPattern.test(period)) return 'quarter';
  return period.length === 4 ? 'year' : 'month';
}

/** The period `steps` periods after (negative: before) `period`, in the indicator's grain. */
export function shiftPeriod(period: string, grain: Grain, steps: number): string {
  const year = Number(period.slice(0, 4));
  if (grain === 'year') return String(year + steps);
  if (grain === 'quarter') {
    const index = year * 4 + (Number(period.slice(6)) - 1) + steps;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  }
  const index = year * 12 + (Number(period.slice(5)) - 1) + steps;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last day of a period, `YYYY-MM-DD`: `2025-Q3` → `2025-09-30`, `2025` → `2025-12-31`. */
export function periodEnd(period: string): string {
  const year = Number(period.slice(0, 4));
  const grain = grainOfPeriod(period);
  const lastMonth = grain === 'year' ? 12 : grain === 'quarter' ? Number(period.slice(6)) * 3 : Number(period.slice(5));
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return `${year}-${String(lastMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
}

/** The quarter a period ends in: `2025-08` → `2025-Q3`, `2025` → `2025-Q4`. */
export function quarterOfPeriod(period: string): Quarter {
  const end = periodEnd(period);
  return `${end.slice(0, 4)}-Q${Math.ceil(Number(end.slice(5, 7)) / 3)}`;
}
