import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import {
  type IndicatorDefinition,
  type IndicatorResult,
  type MemberValue,
  type PeriodValue,
  type SourceDefinition,
} from '@koers/domain';
import { referenceStatus } from './exact-status';
import { identifier, literal, periodLabelSql, periodLastDaySql } from './period-sql';

/** What the reference needs to know of a workspace: where it is and its parsed definitions. */
export interface ReferenceWorkspace {
  readonly root: string;
  readonly sources: readonly SourceDefinition[];
  readonly indicators: readonly IndicatorDefinition[];
}

/** One row of a reference query: a period (and member), the numerator and the denominator. */
interface ReferenceRow {
  readonly period: string;
  readonly member: string | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

function tableOf(sourceId: string): string {
  return identifier(`reference_${sourceId}`);
}

/** The DuckDB reader for a source, written from the contract (sniffed, declared columns override). */
function readerSql(root: string, source: SourceDefinition): string {
  const path = literal(join(root, source.path));
  const format = source.format ?? (/\.parquet$/.test(source.path) ? 'parquet' : /\.(nd)?json$/.test(source.path) ? 'json' : 'csv');
  if (format === 'parquet') return `read_parquet(${path}, union_by_name = true)`;
  if (format === 'json') return `read_json_auto(${path}, union_by_name = true)`;
  const types = Object.entries(source.columns ?? {})
    // `decimal` without a precision would be DECIMAL(18,3) in DuckDB: an analyst means "exact", so keep 10 places.
    .map(([name, type]) => `${literal(name)}: ${literal(type === 'decimal' ? 'DECIMAL(38,10)' : type.toUpperCase())}`)
    .join(', ');
  return `read_csv(${path}, auto_detect = true, union_by_name = true${types ? `, types = {${types}}` : ''})`;
}

/**
 * The denominator of one period (and member): `per.measure` over the rows
 * whose `per.time` equals the latest `per.time` on or before the period's
 * last day. A timestamp on that last day, at any hour, still counts.
 */
function denominatorSql(indicator: IndicatorDefinition, dimension: string | null): string {
  const per = indicator.per;
  if (!per) return 'NULL';
  const time = identifier(per.time);
  const sameMember = dimension === null ? '' : ` AND ${identifier(dimension)} IS NOT DISTINCT FROM periods.__member`;
  const asOf = `SELECT max(${time}) FROM ${tableOf(per.source)} WHERE CAST(${time} AS DATE) <= periods.__last_day${sameMember}`;
  // Newlines after the expression: a trailing `-- comment` in it must not swallow the query.
  return `(SELECT ${per.measure}\n FROM ${tableOf(per.source)} WHERE ${time} = (${asOf})${sameMember})`;
}

/**
 * One query per indicator (or per dimension): the periods (and members) are
 * those with at least one row before the filter; the measure is a correlated
 * scalar subquery over the rows that pass it, so an empty set gives exactly
 * what SQL gives (count 0, sum null).
 */
function referenceSql(indicator: IndicatorDefinition, dimension: string | null): string {
  const time = identifier(indicator.time);
  const source = tableOf(indicator.source);
  const label = periodLabelSql(indicator.grain, time);
  const member = dimension === null ? 'NULL' : identifier(dimension);
  const filter = indicator.filter ?? 'true';
  const sameMember = dimension === null ? '' : ` AND ${identifier(dimension)} IS NOT DISTINCT FROM periods.__member`;
  return `
    WITH periods AS (
      SELECT DISTINCT ${label} AS __period, ${periodLastDaySql(indicator.grain, time)} AS __last_day, ${member} AS __member
      FROM ${source} WHERE ${time} IS NOT NULL
    )
    SELECT __period AS period, CAST(__member AS VARCHAR) AS member,
      CAST((SELECT ${indicator.measure}
            FROM ${source}
            WHERE ${time} IS NOT NULL AND ${label} = periods.__period${sameMember} AND (${filter}
            )) AS DOUBLE) AS numerator,
      CAST(${denominatorSql(indicator, dimension)} AS DOUBLE) AS denominator
    FROM periods
    ORDER BY __member ASC NULLS LAST, __period ASC`;
}

async function rowsOf(connection: DuckDBConnection, sql: string): Promise<ReferenceRow[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJson().map((row) => ({
    period: String(row['period']),
    member: row['member'] === null ? null : String(row['member']),
    numerator: row['numerator'] === null ? null : Number(row['numerator']),
    denominator: row['denominator'] === null ? null : Number(row['denominator']),
  }));
}

function valueOf(row: ReferenceRow, indicator: IndicatorDefinition): number | null {
  if (row.numerator === null) return null;
  if (!indicator.per) return row.numerator;
  if (row.denominator === null || row.denominator === 0) return null;
  return (row.numerator / row.denominator) * indicator.per.scale;
}

async function computeOne(connection: DuckDBConnection, indicator: IndicatorDefinition): Promise<IndicatorResult> {
  const values: PeriodValue[] = (await rowsOf(connection, referenceSql(indicator, null))).map((row) => ({
    period: row.period,
    value: valueOf(row, indicator),
  }));
  const breakdown: Record<string, MemberValue[]> = {};
  for (const dimension of indicator.dimensions) {
    breakdown[dimension] = (await rowsOf(connection, referenceSql(indicator, dimension))).map((row) => ({
      member: row.member,
      period: row.period,
      value: valueOf(row, indicator),
    }));
  }
  const latest = [...values].reverse().find((value) => value.value !== null) ?? null;
  const target = latest ? (indicator.targets[latest.period.slice(0, 4)] ?? null) : null;
  return {
    id: indicator.id,
    status: referenceStatus(latest?.value ?? null, target, indicator.direction, indicator.tolerance),
    latest,
    target,
    values,
    breakdown,
  };
}

/**
 * Computes every given indicator the way WORKSPACE-FORMAT.md describes it, in
 * plain DuckDB SQL, independently of `@koers/kpi`: the expected side of the
 * conformance specs.
 */
export async function computeReference(workspace: ReferenceWorkspace): Promise<Map<string, IndicatorResult>> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const source of workspace.sources) {
      await connection.run(`CREATE TABLE ${tableOf(source.id)} AS SELECT * FROM ${readerSql(workspace.root, source)}`);
    }
    const results = new Map<string, IndicatorResult>();
    for (const indicator of workspace.indicators) results.set(indicator.id, await computeOne(connection, indicator));
    return results;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
