import { z } from 'zod';
import { identifierSchema } from './identifier';

export const directions = ['lower_is_better', 'higher_is_better'] as const;
export type Direction = (typeof directions)[number];

export const grains = ['month', 'quarter', 'year'] as const;
export type Grain = (typeof grains)[number];

/** A period label: `2025`, `2025-Q1` or `2025-03`, by grain. */
export const periodPattern = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

const periodSchema = z
  .union([z.string(), z.number().int()])
  .transform((period) => String(period))
  .refine((period) => periodPattern.test(period), 'must be a period: 2025, 2025-Q1 or 2025-03');

const sqlExpressionSchema = z.string().trim().min(1, 'must be one SQL expression');

/** The denominator of an indicator: `per` in the YAML. */
export const denominatorSchema = z
  .object({
    source: identifierSchema,
    time: z.string().min(1, 'must name a date or timestamp column of the denominator source'),
    measure: sqlExpressionSchema,
    scale: z.number().positive('must be a positive number (for example 1000)').default(1),
  })
  .strict();

export type Denominator = z.infer<typeof denominatorSchema>;

/** `indicators/<id>.yaml`: one effect indicator. */
export const indicatorSchema = z
  .object({
    id: identifierSchema.optional(),
    title: z.string().min(1, 'must be a non-empty title'),
    description: z.string().optional(),
    unit: z.string().min(1, 'must say what the value counts (for example "per 1.000 inwoners")'),
    direction: z.enum(directions, { message: `must be one of ${directions.join(', ')}` }),
    grain: z.enum(grains, { message: `must be one of ${grains.join(', ')}` }),
    source: identifierSchema,
    time: z.string().min(1, 'must name a date or timestamp column of the source'),
    measure: sqlExpressionSchema,
    filter: sqlExpressionSchema.optional(),
    per: denominatorSchema.optional(),
    dimensions: z.array(z.string().min(1)).default([]),
    baseline: z.object({ period: periodSchema, value: z.number() }).strict().optional(),
    targets: z
      .record(z.string().regex(/^\d{4}$/, 'target years must be calendar years (for example 2025)'), z.number())
      .default({}),
    tolerance: z.number().min(0, 'must be 0 or more (for example 0.1 for 10%)').default(0.1),
    decimals: z.number().int().min(0).max(10).optional(),
    bbv: z.boolean().default(false),
  })
  .strict();

/** An indicator as the loader returns it: with its id, and the file it came from (relative to the workspace). */
export type IndicatorDefinition = z.infer<typeof indicatorSchema> & { readonly id: string; readonly file?: string };
