/** The years the demo data covers: 2021 up to and including 2025. */
export const demoYears = [2021, 2022, 2023, 2024, 2025] as const;

/** Quarters 1..4. */
export const quarterNumbers = [1, 2, 3, 4] as const;

/** `YYYY-MM-DD` of a UTC date. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The first day of a quarter. */
export function quarterStart(year: number, quarter: number): Date {
  return new Date(Date.UTC(year, (quarter - 1) * 3, 1));
}

/** The last day of a quarter, as `YYYY-MM-DD`: the peildatum of a quarterly measurement. */
export function quarterEnd(year: number, quarter: number): string {
  return isoDate(new Date(Date.UTC(year, quarter * 3, 0)));
}

/** Number of days in a quarter. */
export function quarterDays(year: number, quarter: number): number {
  return Math.round((quarterStart(year, quarter + 1).getTime() - quarterStart(year, quarter).getTime()) / 86_400_000);
}

/** The date `offset` days after the first day of the quarter. */
export function dayInQuarter(year: number, quarter: number, offset: number): string {
  return isoDate(new Date(quarterStart(year, quarter).getTime() + offset * 86_400_000));
}

/** `YYYY-MM-01` of a month (1..12). */
export function monthStart(year: number, month: number): string {
  return isoDate(new Date(Date.UTC(year, month - 1, 1)));
}
