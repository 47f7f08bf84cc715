import { DuckDBTypeId } from '@duckdb/node-api';
import type { IndicatorDefinition } from '@koers/domain';
import { quoteIdentifier } from '../compile/index';
import { checkExpressionsWithParser, guardExpression, type ExpressionField } from '../guard/index';
import { prepareSingleSelect, type SandboxDatabase } from '../sandbox/sandbox-database';
import type { EngineError } from './engine.types';

/** The expressions of an indicator, by field. */
function expressionsOf(indicator: IndicatorDefinition): Array<[ExpressionField, string]> {
  const fields: Array<[ExpressionField, string]> = [['measure', indicator.measure]];
  if (indicator.filter !== undefined) fields.push(['filter', indicator.filter]);
  if (indicator.per) fields.push(['per.measure', indicator.per.measure]);
  return fields;
}

/**
 * Guards every expression of the indicator: first the token guard, then
 * DuckDB's own parser (the text only ever travels as a parameter). Nothing of
 * the indicator runs before both accept all its expressions.
 */
export async function guardIndicator(sandbox: SandboxDatabase, indicator: IndicatorDefinition): Promise<EngineError[]> {
  return (await guardIndicators(sandbox, [indicator])).get(indicator.id) ?? [];
}

/**
 * {@link guardIndicator} for many indicators, with one round trip to DuckDB's
 * parser for all expressions the token guard accepted. Returns the refusals by
 * indicator id (an empty list for an accepted indicator).
 */
export async function guardIndicators(sandbox: SandboxDatabase, indicators: readonly IndicatorDefinition[]): Promise<Map<string, EngineError[]>> {
  const checks = indicators.flatMap((indicator) =>
    expressionsOf(indicator).map(([field, text]) => ({ indicator, field, text, refusal: guardExpression(text, field) })),
  );
  const toParse = checks.filter(({ refusal }) => refusal === null);
  const verdicts = await checkExpressionsWithParser(sandbox.connection, toParse);
  toParse.forEach((check, index) => (check.refusal = verdicts[index] ?? null));
  const refusals = new Map<string, EngineError[]>(indicators.map((indicator) => [indicator.id, []]));
  for (const { indicator, field, refusal } of checks) {
    if (refusal !== null) refusals.get(indicator.id)?.push(indicatorError(indicator, stripField(refusal, field), field));
  }
  return refusals;
}

const temporalTypes = new Set<DuckDBTypeId>([
  DuckDBTypeId.DATE,
  DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_S,
  DuckDBTypeId.TIMESTAMP_MS,
  DuckDBTypeId.TIMESTAMP_NS,
  DuckDBTypeId.TIMESTAMP_TZ,
]);

/**
 * Binds each field of a guarded indicator against its loaded source without
 * running anything, so an unknown column is reported on the field that names
 * it: `measure`, `filter`, `time`, `dimensions[i]`, `per.time`, `per.measure`.
 */
export async function bindIndicatorFields(
  sandbox: SandboxDatabase,
  indicator: IndicatorDefinition,
  tableOf: (sourceId: string) => string,
): Promise<EngineError[]> {
  const errors: EngineError[] = [];
  const source = tableOf(indicator.source);
  const probe = async (field: string, sql: string, mustBeTemporal = false, sourceId = indicator.source) => {
    try {
      const prepared = await prepareSingleSelect(sandbox.connection, sql);
      const typeId = prepared.columnTypeId(0);
      prepared.destroySync();
      if (mustBeTemporal && !temporalTypes.has(typeId)) {
        errors.push(indicatorError(indicator, `column is ${DuckDBTypeId[typeId]}, not a date or timestamp: declare it as date in the source's columns`, field));
      }
    } catch (error) {
      errors.push(indicatorError(indicator, `${duckdbMessage(error)} (source "${sourceId}")`, field));
    }
  };
  await probe('time', `SELECT ${quoteIdentifier(indicator.time)} FROM ${source}`, true);
  await probe('measure', `SELECT (\n${indicator.measure}\n) FROM ${source}`);
  if (indicator.filter !== undefined) await probe('filter', `SELECT 1 FROM ${source} WHERE (\n${indicator.filter}\n)`);
  for (const [index, dimension] of indicator.dimensions.entries()) {
    await probe(`dimensions[${index}]`, `SELECT ${quoteIdentifier(dimension)} FROM ${source}`);
  }
  if (indicator.per) {
    const per = tableOf(indicator.per.source);
    const perSource = indicator.per.source;
    await probe('per.time', `SELECT ${quoteIdentifier(indicator.per.time)} FROM ${per}`, true, perSource);
    await probe('per.measure', `SELECT (\n${indicator.per.measure}\n) FROM ${per}`, false, perSource);
    for (const [index, dimension] of indicator.dimensions.entries()) {
      await probe(`dimensions[${index}]`, `SELECT ${quoteIdentifier(dimension)} FROM ${per}`, false, perSource);
    }
  }
  return errors;
}

/** An error located in the indicator's file. */
export function indicatorError(indicator: IndicatorDefinition, message: string, field?: string): EngineError {
  return {
    file: indicator.file ?? `indicators/${indicator.id}.yaml`,
    message: field === undefined ? message : `${field}: ${message}`,
    ...(field === undefined ? {} : { field }),
    indicatorId: indicator.id,
  };
}

/** DuckDB's message without the echoed query, which names our internal table names. */
export function duckdbMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const [first = text, ...rest] = text.split('\n');
  const candidates = rest.find((line) => line.startsWith('Candidate bindings:'));
  const message = first.replace(/ in FROM clause!?/, '').replace(/^(Binder|Parser|Catalog|Conversion|Invalid Input) Error: /, '');
  // DuckDB's candidates name our internal tables ("source_x".col): keep the column names only.
  const columns = candidates?.replace('Candidate bindings:', '').replace(/"source_[a-z0-9_-]+"\./g, '').trim();
  return columns ? `${message}; did you mean ${columns}?` : message;
}

function stripField(refusal: string, field: string): string {
  return refusal.startsWith(`${field}: `) ? refusal.slice(field.length + 2) : refusal;
}
