import { z } from 'zod';

/**
 * A calendar date written `YYYY-MM-DD`. YAML 1.2 (as the loader reads it) keeps
 * `2021-01-01` a string; a real date is checked, not just the shape.
 */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD (for example 2021-12-31)')
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
  }, 'is not a real calendar date');

export type CalendarDate = z.infer<typeof calendarDateSchema>;
