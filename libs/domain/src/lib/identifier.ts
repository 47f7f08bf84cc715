import { z } from 'zod';

/** Ids of sources, indicators, programs, effects, tasks and actions: `[a-z][a-z0-9_-]*`. */
export const identifierPattern = /^[a-z][a-z0-9_-]*$/;

/** A workspace id; the message says how to fix a bad one. */
export const identifierSchema = z
  .string()
  .regex(identifierPattern, 'must start with a-z and contain only a-z, 0-9, "_" and "-" (for example "winkeldiefstallen")');

export type Identifier = z.infer<typeof identifierSchema>;
