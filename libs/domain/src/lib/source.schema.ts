import { z } from 'zod';
import { identifierSchema } from './identifier';

/** File formats a source can be read from. */
export const sourceFormats = ['csv', 'parquet', 'json'] as const;
export type SourceFormat = (typeof sourceFormats)[number];

/** Column types a source may declare; DuckDB type names, checked when the source loads. */
export const columnTypes = [
  'varchar',
  'integer',
  'bigint',
  'double',
  'decimal',
  'boolean',
  'date',
  'timestamp',
] as const;
export type ColumnType = (typeof columnTypes)[number];

/** `sources/<id>.yaml`: one data source of the data team. */
export const sourceSchema = z
  .object({
    id: identifierSchema.optional(),
    title: z.string().min(1, 'must be a non-empty title'),
    path: z.string().min(1, 'must be a path relative to the workspace (for example data/misdrijven.csv)'),
    format: z.enum(sourceFormats, { message: `must be one of ${sourceFormats.join(', ')}` }).optional(),
    owner: z.string().optional(),
    description: z.string().optional(),
    columns: z
      .record(z.string(), z.enum(columnTypes, { message: `must be one of ${columnTypes.join(', ')}` }))
      .optional(),
  })
  .strict();

/** A source as the loader returns it: with its id, and the file it came from (relative to the workspace). */
export type SourceDefinition = z.infer<typeof sourceSchema> & { readonly id: string; readonly file?: string };
