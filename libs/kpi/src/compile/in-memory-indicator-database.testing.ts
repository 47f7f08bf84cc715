import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { type IndicatorDefinition, indicatorSchema } from '@koers/domain';
import { type CompileOptions, compileIndicator } from './indicator.compiler';
import { quoteIdentifier } from './sql-quoting';

/** One row of a compiled indicator's result. */
export interface ResultRow {
  readonly dimension: string | null;
  readonly member: string | null;
  readonly period: string;
  readonly value: number | null;
}

/**
 * An in-memory DuckDB for the compiler's specs: create source tables as
 * `src_<id>` with plain SQL, then compute an indicator through the real
 * compiled query. Used by tests only; it lives here so the specs share it.
 */
export class InMemoryIndicatorDatabase {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    private readonly options: CompileOptions,
  ) {}

  /** Opens an empty database; `options` go to every compile (to test each query shape). */
  static async open(options: CompileOptions = {}): Promise<InMemoryIndicatorDatabase> {
    const instance = await DuckDBInstance.create(':memory:');
    return new InMemoryIndicatorDatabase(instance, await instance.connect(), options);
  }

  /** The quoted table name of source `id`. */
  static tableOf(this: void, id: string): string {
    return quoteIdentifier(`src_${id}`);
  }

  /** Runs one SQL statement (to create and fill source tables). */
  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /** Parses `fields` as indicator YAML would be (defaults included) and compiles it. */
  compile(fields: Record<string, unknown>): string {
    const indicator: IndicatorDefinition = {
      ...indicatorSchema.parse({ title: 'Test', unit: 'aantal', direction: 'lower_is_better', grain: 'quarter', ...fields }),
      id: 'test',
    };
    return compileIndicator(indicator, InMemoryIndicatorDatabase.tableOf, this.options).sql;
  }

  /** Compiles `fields` (see {@link compile}) and runs the query. */
  async compute(fields: Record<string, unknown>): Promise<ResultRow[]> {
    const reader = await this.connection.runAndReadAll(this.compile(fields));
    return reader.getRowObjects() as unknown as ResultRow[];
  }

  /** Only the total rows, as `period → value`. */
  async totals(fields: Record<string, unknown>): Promise<Record<string, number | null>> {
    const rows = await this.compute(fields);
    return Object.fromEntries(rows.filter((row) => row.dimension === null).map((row) => [row.period, row.value]));
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
