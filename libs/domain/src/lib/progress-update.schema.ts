import { z } from 'zod';
import { identifierSchema } from './identifier';
import { quarterSchema } from './quarter';

export const progressStatuses = ['not_started', 'on_schedule', 'delayed', 'done', 'cancelled'] as const;
export type ProgressStatus = (typeof progressStatuses)[number];

/** What a team lead reports on one action for one quarter. */
export const progressUpdateSchema = z
  .object({
    actionId: identifierSchema,
    quarter: quarterSchema,
    status: z.enum(progressStatuses, { message: `must be one of ${progressStatuses.join(', ')}` }),
    percent: z.number().int('must be a whole number').min(0).max(100, 'must be between 0 and 100'),
    comment: z.string().max(4000, 'must be at most 4000 characters').default(''),
    author: z.string().min(1),
    time: z.iso.datetime(),
  })
  .strict();

export type ProgressUpdate = z.infer<typeof progressUpdateSchema>;
