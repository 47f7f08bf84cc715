import type { IndicatorDefinition } from '@koers/domain';
import { quoteIdentifier } from '../compile/index';
import { guardExpression, type ExpressionField } from '../guard/index';
import { messageOf } from '../sandbox/sandbox-database';
import type { SandboxSession } from '../sandbox/sandbox-session';
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
export async function guardIndicator(sandbox: SandboxSession, indicator: IndicatorDefinition): Promise<EngineError[]> {
  return (await guardIndicators(sandbox, [indicator])).get(indicator.id) ?? [];
}

/**
 * {@link guardIndicator} for many indicators, with one round trip to DuckDB's
 * parser for all expressions the token guard accepted. Returns the refusals by
 * indicator id (an empty list for an accepted indicator).
 */
export async function guardIndicators(sandbox: SandboxSession, indicators: readonly IndicatorDefinition[]): Promise<Map<string, EngineError[]>> {
  const checks = indicators.flatMap((indicator) =>
    expressionsOf(indicator).map(([field, text]) => ({ indicator, field, text, refusal: guardExpression(text, field) })),
  );
  const toParse = checks.filter(({ refusal }) => refusal === null);
  const verdicts = await parseEach(sandbox, toParse);
  toParse.forEach((check, index) => (check.refusal = verdicts[index] ?? null));
  const refusals = new Map<string, EngineError[]>(indicators.map((indicator) => [indicator.id, []]));
  for (const { indicator, field, refusal } of checks) {
    if (refusal !== null) refusals.get(indicator.id)?.push(indicatorError(indicator, stripField(refusal, field), field));
  }
  return refusals;
}

/**
 * DuckDB's parser on all items in one round trip; when that round trip is
 * stopped (a crash, a limit), each item alone, so only the one that stops it
 * is refused, as stopped.
 */
async function parseEach(sandbox: SandboxSession, items: ReadonlyArray<{ text: string; field: ExpressionField }>): Promise<(string | null)[]> {
  try {
    return await sandbox.parseExpressions(items);
  } catch (error) {
    if (items.length <= 1) return items.map(({ field }) => `${field}: ${messageOf(error)}`);
    const verdicts: (string | null)[] = [];
    for (const item of items) verdicts.push(...(await parseEach(sandbox, [item])));
    return verdicts;
  }
}

/** DuckDB's names of the types a `time` column may have. */
const temporalTypes = new Set(['DATE', 'TIMESTAMP', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP_NS', 'TIMESTAMP_TZ']);

/** One field's SELECT to bind, and what its outcome must be. */
interface FieldProbe {
  readonly field: string;
  readonly sql: string;
  readonly mustBeTemporal: boolean;
  readonly sourceId: string;
}

/** The SELECTs that bind each field of the indicator against its source alone. */
export function fieldProbesOf(indicator: IndicatorDefinition, tableOf: (sourceId: string) => string): FieldProbe[] {
  const source = tableOf(indicator.source);
  const probe = (field: string, sql: string, mustBeTemporal = false, sourceId = indicator.source): FieldProbe => ({ field, sql, mustBeTemporal, sourceId });
  const probes = [
    probe('time', `SELECT ${quoteIdentifier(indicator.time)} FROM ${source}`, true),
    probe('measure', `SELECT (\n${indicator.measure}\n) FROM ${source}`),
  ];
  if (indicator.filter !== undefined) probes.push(probe('filter', `SELECT 1 FROM ${source} WHERE (\n${indicator.filter}\n)`));
  for (const [index, dimension] of indicator.dimensions.entries()) {
    probes.push(probe(`dimensions[${index}]`, `SELECT ${quoteIdentifier(dimension)} FROM ${source}`));
  }
  if (indicator.per) {
    const per = tableOf(indicator.per.source);
    const perSource = indicator.per.source;
    probes.push(probe('per.time', `SELECT ${quoteIdentifier(indicator.per.time)} FROM ${per}`, true, perSource));
    probes.push(probe('per.measure', `SELECT (\n${indicator.per.measure}\n) FROM ${per}`, false, perSource));
    for (const [index, dimension] of indicator.dimensions.entries()) {
      probes.push(probe(`dimensions[${index}]`, `SELECT ${quoteIdentifier(dimension)} FROM ${per}`, false, perSource));
    }
  }
  return probes;
}

/**
 * Binds each field of a guarded indicator against its loaded source without
 * running anything, so an unknown column is reported on the field that names
 * it: `measure`, `filter`, `time`, `dimensions[i]`, `per.time`, `per.measure`.
 * With `sql`, the indicator's compiled query is bound too, in the same round
 * trip, and reported only when every field binds. Throws when the sandbox is
 * stopped (a limit, a crash): the caller reports the indicator as stopped.
 */
export async function bindIndicatorFields(
  sandbox: SandboxSession,
  indicator: IndicatorDefinition,
  tableOf: (sourceId: string) => string,
  sql?: string,
): Promise<EngineError[]> {
  const probes = fieldProbesOf(indicator, tableOf);
  const outcomes = await sandbox.describe([...probes.map((probe) => probe.sql), ...(sql === undefined ? [] : [sql])]);
  const errors: EngineError[] = [];
  for (const [index, { field, mustBeTemporal, sourceId }] of probes.entries()) {
    const outcome = outcomes[index];
    if (outcome === undefined) continue;
    if ('error' in outcome) errors.push(indicatorError(indicator, `${duckdbMessage(outcome.error)} (source "${sourceId}")`, field));
    else if (mustBeTemporal && !temporalTypes.has(outcome.type)) {
      errors.push(indicatorError(indicator, `column is ${outcome.type}, not a date or timestamp: declare it as date in the source's columns`, field));
    }
  }
  const compiled = outcomes[probes.length];
  if (errors.length === 0 && compiled !== undefined && 'error' in compiled) errors.push(indicatorError(indicator, duckdbMessage(compiled.error)));
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
