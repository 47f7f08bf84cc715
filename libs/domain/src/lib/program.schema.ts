import { z } from 'zod';
import { calendarDateSchema } from './calendar-date';
import { identifierSchema } from './identifier';

/** `new`: a concrete new action (concreet); `regular`: work that goes on (regulier). */
export const actionKinds = ['new', 'regular'] as const;
export type ActionKind = (typeof actionKinds)[number];

/** Order of work in team plans: basis op orde, wettelijke taken, uitvoering, nieuw beleid. */
export const priorities = ['basis', 'statutory', 'execution', 'new_policy'] as const;
export type Priority = (typeof priorities)[number];

/** An action (actie): what the organisation does for a task. */
export const actionSchema = z
  .object({
    id: identifierSchema,
    title: z.string().min(1, 'must be a non-empty title'),
    description: z.string().optional(),
    kind: z.enum(actionKinds, { message: `must be one of ${actionKinds.join(', ')}` }),
    priority: z.enum(priorities, { message: `must be one of ${priorities.join(', ')}` }),
    owner: z.string().optional(),
    start: calendarDateSchema.optional(),
    due: calendarDateSchema.optional(),
  })
  .strict()
  .refine((action) => !action.start || !action.due || action.start <= action.due, {
    message: 'due must not be before start',
    path: ['due'],
  });

export type Action = z.infer<typeof actionSchema>;

/** A task (opgave): what must improve to reach the effects. */
export const taskSchema = z
  .object({
    id: identifierSchema,
    title: z.string().min(1, 'must be a non-empty title'),
    description: z.string().optional(),
    effects: z.array(identifierSchema).default([]),
    actions: z.array(actionSchema).default([]),
  })
  .strict();

export type Task = z.infer<typeof taskSchema>;

/** An effect (beoogd effect): the societal outcome the program aims for. */
export const effectSchema = z
  .object({
    id: identifierSchema,
    title: z.string().min(1, 'must be a non-empty title'),
    description: z.string().optional(),
    indicators: z.array(identifierSchema).default([]),
  })
  .strict();

export type Effect = z.infer<typeof effectSchema>;

/** `programs/<id>.yaml`: one chapter of the program budget. */
export const programSchema = z
  .object({
    id: identifierSchema.optional(),
    /** The program's number in the budget (programma 0, 1, 2, ...): its place in every list. */
    number: z.number().int('must be a whole number (for example 1)').min(0, 'must be 0 or more').optional(),
    title: z.string().min(1, 'must be a non-empty title'),
    portfolioHolders: z.array(z.string().min(1)).default([]),
    department: z.string().optional(),
    vision: z.string().optional(),
    policyDocuments: z.array(z.string().min(1)).default([]),
    effects: z.array(effectSchema).default([]),
    tasks: z.array(taskSchema).default([]),
  })
  .strict();

/** A program as the loader returns it: with its id, and the file it came from (relative to the workspace). */
export type Program = z.infer<typeof programSchema> & { readonly id: string; readonly file?: string };
