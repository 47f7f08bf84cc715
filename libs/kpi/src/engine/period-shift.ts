import type { Grain } from '@koers/domain';

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

/** How many periods of a grain make a year. */
export const periodsPerYear: Readonly<Record<Grain, number>> = { year: 1, quarter: 4, month: 12 };
