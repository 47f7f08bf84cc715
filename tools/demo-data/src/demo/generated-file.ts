import { type CsvValue } from '../csv.writer';

/** One data file a generator produces, relative to the workspace (for example `data/bevolking.csv`). */
export interface GeneratedTable {
  readonly path: string;
  readonly columns: readonly string[];
  readonly rows: readonly Record<string, CsvValue>[];
}
