import { z } from 'zod';
import { identifierSchema } from '../identifier';

/** What a council member may ask about: the report as a whole or one item of it. */
export const questionItemKinds = ['report', 'program', 'effect', 'indicator', 'action', 'motion'] as const;
export type QuestionItemKind = (typeof questionItemKinds)[number];

/** The item a question is about. */
export const questionItemSchema = z
  .object({
    kind: z.enum(questionItemKinds, { message: `moet een van ${questionItemKinds.join(', ')} zijn` }),
    /** The item's id; the quarter for the report as a whole. */
    id: z.string().min(1).max(100),
  })
  .strict()
  .refine((item) => item.kind === 'report' || identifierSchema.safeParse(item.id).success, { message: 'is geen id van een onderdeel', path: ['id'] });

export type QuestionItem = z.infer<typeof questionItemSchema>;

/** A council member's question on a published report, and the college's answer once given. */
export interface ReportQuestion {
  readonly id: string;
  readonly quarter: string;
  readonly itemKind: QuestionItemKind;
  readonly itemId: string;
  /** The item's title when the question was asked. */
  readonly itemTitle: string;
  readonly question: string;
  readonly askedBy: string;
  readonly askedAt: string;
  readonly answer: { readonly text: string; readonly answeredBy: string; readonly answeredAt: string } | null;
}
