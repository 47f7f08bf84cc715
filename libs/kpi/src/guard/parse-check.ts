import type { DuckDBConnection } from '@duckdb/node-api';
import type { ExpressionField } from './expression.guard';
import { forbiddenFunctionReason, isForbiddenFunction } from './forbidden-names';
import { clockReason, isClockKeyword, misleadingCallReason, windowReason } from './misleading-functions';

/** One node of DuckDB's serialized parse tree, as far as the checks here read it. */
interface ParseNode {
  readonly [key: string]: unknown;
}

const serializeSql = 'SELECT json_serialize_sql($1::VARCHAR) AS tree';

/**
 * Second line of defence behind {@link guardExpression}: asks DuckDB's own
 * parser what `text` is, without executing it. The text travels only as a
 * prepared-statement parameter, never as SQL that runs.
 *
 * @returns null when DuckDB parses `SELECT <text>` as exactly one select item
 *   with no FROM, no subquery, no clause and no refused function; otherwise why
 *   not (DuckDB's own message on a parse error).
 * @example
 * await checkExpressionWithParser(connection, 'sum(x) / count(*)', 'measure'); // null
 */
export async function checkExpressionWithParser(
  connection: DuckDBConnection,
  text: string,
  field: ExpressionField,
): Promise<string | null> {
  const reader = await connection.runAndReadAll(serializeSql, [`SELECT ${text}`]);
  return verdictOf(reader.getRowObjectsJson()[0]?.['tree'], field);
}

/**
 * {@link checkExpressionWithParser} for many expressions in one round trip to
 * DuckDB (each text still travels only as a parameter). Returns one verdict
 * per item, in order: null when accepted, otherwise why not.
 *
 * @example
 * await checkExpressionsWithParser(connection, [{ text: 'count(*)', field: 'measure' }]); // [null]
 */
export async function checkExpressionsWithParser(
  connection: DuckDBConnection,
  items: readonly { readonly text: string; readonly field: ExpressionField }[],
): Promise<(string | null)[]> {
  if (items.length === 0) return [];
  const rows = items.map((_, index) => `(${index}, $${index + 1}::VARCHAR)`).join(', ');
  const reader = await connection.runAndReadAll(
    `SELECT json_serialize_sql(t) AS tree FROM (VALUES ${rows}) AS v(i, t) ORDER BY i`,
    items.map(({ text }) => `SELECT ${text}`),
  );
  const trees = reader.getRowObjectsJson().map((row) => row['tree']);
  return items.map(({ field }, index) => verdictOf(trees[index], field));
}

function verdictOf(tree: unknown, field: ExpressionField): string | null {
  if (typeof tree !== 'string') return `${field}: DuckDB did not return a parse tree for the expression`;
  const parsed = JSON.parse(tree) as ParseNode;
  const why = whyRefused(parsed);
  return why === null ? null : `${field}: ${why}`;
}

function whyRefused(parsed: ParseNode): string | null {
  if (parsed['error'] === true) {
    return `DuckDB cannot parse the expression: ${String(parsed['error_message'] ?? 'unknown parse error')}`;
  }
  const statements = asArray(parsed['statements']);
  if (statements.length !== 1) return 'the text holds more than one statement; write one SQL expression';
  const node = asNode(asNode(statements[0])['node']);
  if (node['type'] !== 'SELECT_NODE') return 'the text is not a single expression (it parses as a set operation)';
  const selectList = asArray(node['select_list']);
  if (selectList.length !== 1) return 'the text holds several expressions separated by ","; write exactly one';
  if (asNode(node['from_table'])['type'] !== 'EMPTY') return 'the text has a FROM clause; an expression cannot read a table';
  for (const clause of ['where_clause', 'having', 'qualify', 'sample'] as const) {
    if (node[clause] !== null && node[clause] !== undefined) return `the text has a ${clause.replace('_clause', '').toUpperCase()} clause; write one expression only`;
  }
  if (asArray(node['group_expressions']).length > 0) return 'the text has a GROUP BY clause; write one expression only';
  if (asArray(node['modifiers']).length > 0) return 'the text has ORDER BY, LIMIT or DISTINCT; write one expression only';
  if (asArray(asNode(node['cte_map'])['map']).length > 0) return 'the text has a WITH clause; write one expression only';
  const item = asNode(selectList[0]);
  if (typeof item['alias'] === 'string' && item['alias'] !== '') return `the expression has an alias (AS ${item['alias']}); leave it out`;
  return whyNodeRefused(item);
}

/**
 * Walks every node below `node`; refuses subqueries, star expansions, refused
 * functions, window functions, misleading calls (with the call's ORDER BY
 * known here) and a bare clock name (`current_date` parses as a column).
 */
function whyNodeRefused(node: unknown): string | null {
  if (Array.isArray(node)) {
    for (const child of node) {
      const why = whyNodeRefused(child);
      if (why !== null) return why;
    }
    return null;
  }
  if (node === null || typeof node !== 'object') return null;
  const record = node as ParseNode;
  if (record['class'] === 'SUBQUERY' || record['type'] === 'SUBQUERY' || record['type'] === 'SELECT_NODE') {
    return 'the expression contains a subquery; use only the source\'s own columns';
  }
  if (record['type'] === 'TABLE_FUNCTION' || record['type'] === 'BASE_TABLE') return 'the expression reads a table';
  if (record['class'] === 'STAR') {
    return record['columns'] === true ? forbiddenFunctionReason('COLUMNS') : 'a * expression stands for all columns; name one column';
  }
  const functionName = typeof record['function_name'] === 'string' ? record['function_name'] : undefined;
  if (record['class'] === 'WINDOW') return windowReason(functionName ?? 'a function');
  if (record['class'] === 'FUNCTION' && functionName !== undefined) {
    if (isForbiddenFunction(functionName)) return `calling ${forbiddenFunctionReason(functionName)}`;
    const reason = misleadingCallReason(functionName, asArray(asNode(record['order_bys'])['orders']).length > 0);
    if (reason !== null) return reason;
  }
  if (record['class'] === 'COLUMN_REF') {
    const names = asArray(record['column_names']);
    const [only] = names;
    if (names.length === 1 && typeof only === 'string' && isClockKeyword(only)) return clockReason(only);
  }
  for (const value of Object.values(record)) {
    const why = whyNodeRefused(value);
    if (why !== null) return why;
  }
  return null;
}

function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function asNode(value: unknown): ParseNode {
  return value !== null && typeof value === 'object' ? (value as ParseNode) : {};
}
