import { type Grain } from '@koers/domain';

/** A column name as a DuckDB identifier: double quotes, inner quotes doubled. */
export function identifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A string as a DuckDB literal. */
export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * The period label of a time value, as the contract writes it:
 * year `2025`, quarter `2025-Q1`, month `2025-03`.
 */
export function periodLabelSql(grain: Grain, time: string): string {
  switch (grain) {
    case 'year':
      return `CAST(year(${time}) AS VARCHAR)`;
    case 'quarter':
      return `CAST(year(${time}) AS VARCHAR) || '-Q' || CAST(quarter(${time}) AS VARCHAR)`;
    case 'month':
      return `strftime(${time}, '%Y-%m')`;
  }
}

/** The last calendar day (a DATE) of the period a time value falls in. */
export function periodLastDaySql(grain: Grain, time: string): string {
  switch (grain) {
    case 'year':
      return `make_date(year(${time}), 12, 31)`;
    case 'quarter':
      return `last_day(make_date(year(${time}), quarter(${time}) * 3, 1))`;
    case 'month':
      return `last_day(CAST(${time} AS DATE))`;
  }
}
