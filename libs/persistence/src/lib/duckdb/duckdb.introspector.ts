import {
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type DatabaseMetadataOptions,
  DEFAULT_MIGRATION_LOCK_TABLE,
  DEFAULT_MIGRATION_TABLE,
  type Kysely,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';

/** The part of DuckDB's `information_schema` the introspector reads. */
interface InformationSchema {
  'information_schema.schemata': { schema_name: string; catalog_name: string };
  'information_schema.tables': { table_catalog: string; table_schema: string; table_name: string; table_type: string };
  'information_schema.columns': {
    table_catalog: string;
    table_schema: string;
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
    ordinal_position: number;
  };
}

/** Tables and columns of the open DuckDB database, read from `information_schema` (which kysely's Migrator uses). */
export class DuckDBIntrospector implements DatabaseIntrospector {
  readonly #db: Kysely<InformationSchema>;

  constructor(db: Kysely<unknown>) {
    this.#db = db.withoutPlugins() as unknown as Kysely<InformationSchema>;
  }

  async getSchemas(): Promise<SchemaMetadata[]> {
    const rows = await this.#db
      .selectFrom('information_schema.schemata')
      .where('catalog_name', '=', (eb) => eb.fn<string>('current_database'))
      .select('schema_name')
      .execute();
    return rows.map((row) => ({ name: row.schema_name }));
  }

  async getTables(options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    let query = this.#db
      .selectFrom('information_schema.columns as c')
      .innerJoin('information_schema.tables as t', (join) =>
        join
          .onRef('t.table_catalog', '=', 'c.table_catalog')
          .onRef('t.table_schema', '=', 'c.table_schema')
          .onRef('t.table_name', '=', 'c.table_name'),
      )
      .where('c.table_catalog', '=', (eb) => eb.fn<string>('current_database'))
      .select(['c.table_schema', 'c.table_name', 't.table_type', 'c.column_name', 'c.data_type'])
      .select(['c.is_nullable', 'c.column_default'])
      .orderBy('c.table_schema')
      .orderBy('c.table_name')
      .orderBy('c.ordinal_position');
    if (!options.withInternalKyselyTables) {
      query = query.where('c.table_name', 'not in', [DEFAULT_MIGRATION_TABLE, DEFAULT_MIGRATION_LOCK_TABLE]);
    }
    const tables = new Map<string, TableMetadata>();
    for (const row of await query.execute()) {
      const key = `${row.table_schema}.${row.table_name}`;
      let table = tables.get(key);
      if (!table) {
        table = { schema: row.table_schema, name: row.table_name, isView: row.table_type === 'VIEW', columns: [] };
        tables.set(key, table);
      }
      table.columns.push({
        name: row.column_name,
        dataType: row.data_type,
        isNullable: row.is_nullable === 'YES',
        hasDefaultValue: row.column_default !== null,
        // DuckDB has no auto-increment columns; sequences are explicit defaults.
        isAutoIncrementing: false,
      });
    }
    return [...tables.values()];
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}
