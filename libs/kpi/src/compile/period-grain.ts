import type { Grain } from '@koers/domain';

/** How one grain turns a TIMESTAMP into a period, in SQL. */
export interface GrainSql {
  /** The start of the period that holds timestamp expression `time`. */
  readonly start: (time: string) => string;
  /** The start of the next period, from a period start `start`. */
  readonly end: (start: string) => string;
  /** The period label (`2025`, `2025-Q1`, `2025-03`), from a period start `start`. */
  readonly label: (start: string) => string;
}

/**
 * The SQL for each grain. Grouping happens on the truncated TIMESTAMP (cheap on
 * millions of rows); labels are made afterwards, on one row per period.
 */
export const grainSql: Readonly<Record<Grain, GrainSql>> = {
  year: {
    start: (time) => `date_trunc('year', ${time})`,
    end: (start) => `${start} + INTERVAL 1 YEAR`,
    label: (start) => `strftime(${start}, '%Y')`,
  },
  quarter: {
    start: (time) => `date_trunc('quarter', ${time})`,
    end: (start) => `${start} + INTERVAL 3 MONTH`,
    label: (start) => `strftime(${start}, '%Y') || '-Q' || CAST(quarter(${start}) AS VARCHAR)`,
  },
  month: {
    start: (time) => `date_trunc('month', ${time})`,
    end: (start) => `${start} + INTERVAL 1 MONTH`,
    label: (start) => `strftime(${start}, '%Y-%m')`,
  },
};
