import { z } from 'zod';
import { calendarDateSchema } from '../calendar-date';
import { identifierSchema } from '../identifier';
import { quarterSchema } from '../quarter';
import { maxReportTextLength } from './report';

/** A council's motion (*motie*), or a commitment the college made to the council (*toezegging*). */
export const motionKinds = ['motion', 'commitment'] as const;
export type MotionKind = (typeof motionKinds)[number];

/** Where one point of a motion stands, by the college's response of a quarter. */
export const motionPointStatuses = ['open', 'in_progress', 'completed', 'not_carried_out'] as const;
export type MotionPointStatus = (typeof motionPointStatuses)[number];

const text = (what: string, max = maxReportTextLength) =>
  z.string().trim().min(1, `schrijf ${what} (het veld is leeg)`).max(max, `mag hoogstens ${max} tekens lang zijn`);

/** A program, and where given a task or an action of it, that a point of a motion concerns. */
export const motionLinkSchema = z
  .object({
    programId: identifierSchema,
    taskId: identifierSchema.optional(),
    actionId: identifierSchema.optional(),
  })
  .strict();

export type MotionLink = z.infer<typeof motionLinkSchema>;

/** One numbered action point of a motion. */
export const motionPointSchema = z
  .object({
    number: z.number().int('moet een geheel getal zijn').min(1, 'moet 1 of meer zijn'),
    text: text('de tekst van het punt'),
    links: z.array(motionLinkSchema).max(20).default([]),
  })
  .strict();

/** A motion or commitment as the college records it: its reference, date, text and numbered points. */
export const motionSchema = z
  .object({
    id: identifierSchema,
    kind: z.enum(motionKinds, { message: `moet een van ${motionKinds.join(', ')} zijn` }),
    /** How the council refers to it (`M2020-14`, `Toezegging 12`). */
    reference: text('het kenmerk', 60),
    title: text('een titel', 300),
    adoptedOn: calendarDateSchema,
    text: z.string().trim().max(20_000, 'mag hoogstens 20.000 tekens lang zijn').optional(),
    points: z.array(motionPointSchema).min(1, 'geef ten minste één actiepunt').max(50),
  })
  .strict()
  .superRefine((motion, context) => {
    motion.points.forEach((point, index) => {
      if (point.number !== index + 1) {
        context.addIssue({ code: 'custom', path: ['points', index, 'number'], message: `moet ${index + 1} zijn: de punten zijn doorlopend genummerd vanaf 1` });
      }
    });
  });

export type MotionInput = z.infer<typeof motionSchema>;
export type MotionPoint = z.infer<typeof motionPointSchema>;

/** The college's response to one point of a motion for one quarter, with the point's status then. */
export const motionResponseSchema = z
  .object({
    motionId: identifierSchema,
    pointNumber: z.number().int().min(1),
    quarter: quarterSchema,
    status: z.enum(motionPointStatuses, { message: `moet een van ${motionPointStatuses.join(', ')} zijn` }),
    response: text('de reactie van het college'),
  })
  .strict();

export type MotionResponseInput = z.infer<typeof motionResponseSchema>;

/** A stored response, with who wrote it. */
export interface MotionResponse extends MotionResponseInput {
  readonly authorName: string;
  readonly writtenAt: string;
}

/** A motion as stored, with every response to its points, oldest quarter first. */
export interface Motion extends MotionInput {
  readonly municipalityId: string;
  readonly responses: readonly MotionResponse[];
}
