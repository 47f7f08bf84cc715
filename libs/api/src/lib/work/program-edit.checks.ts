import { type ProgramDocument, type ProgramEditProblem, programSchema } from '@koers/domain';
import { z } from 'zod';

const text = (max: number) => z.string().max(max, `mag hoogstens ${max} tekens lang zijn`);
const optionalText = (max: number) => text(max).optional();

/**
 * A program as the editor sends it: the right shapes, within sizes; what
 * the values mean (a title not empty, a date a real date, an effect that
 * exists) is checked after, with every problem named by its field.
 */
export const editedProgramSchema = z
  .object({
    id: z.string().max(100).optional(),
    number: z.number().int().min(0).max(10_000).optional(),
    title: text(500),
    portfolioHolders: z.array(text(200)).max(20),
    department: optionalText(200),
    vision: optionalText(20_000),
    policyDocuments: z.array(text(500)).max(50),
    effects: z
      .array(
        z
          .object({ id: text(100), title: text(500), description: optionalText(20_000), indicators: z.array(text(100)).max(50) })
          .strict(),
      )
      .max(100),
    tasks: z
      .array(
        z
          .object({
            id: text(100),
            title: text(500),
            description: optionalText(20_000),
            effects: z.array(text(100)).max(100),
            actions: z
              .array(
                z
                  .object({
                    id: text(100),
                    title: text(500),
                    description: optionalText(20_000),
                    kind: text(40),
                    priority: text(40),
                    owner: optionalText(200),
                    start: optionalText(20),
                    due: optionalText(20),
                  })
                  .strict(),
              )
              .max(200),
          })
          .strict(),
      )
      .max(100),
  })
  .strict();

export type EditedProgram = z.infer<typeof editedProgramSchema>;

/**
 * Checks an edited program as far as it can be without the workspace: the
 * program schema (titles, ids, kinds, priorities, dates, due after start),
 * ids used twice within the program, and tasks naming effects the program
 * does not have. Returns the program as the file will hold it (empty
 * optional texts left out, names trimmed), or every problem with its field
 * and a Dutch message. The workspace's own check (indicators, action ids
 * across programs) follows when the file is written.
 */
export function checkEditedProgram(edited: EditedProgram): { readonly program: ProgramDocument } | { readonly problems: readonly ProgramEditProblem[] } {
  const cleaned = cleanProgram(edited);
  const parsed = programSchema.safeParse(cleaned);
  const problems: ProgramEditProblem[] = [];
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = formatField(issue.path);
      if (seen.has(field)) continue;
      seen.add(field);
      problems.push({ field, message: dutchMessage(issue, field) });
    }
    return { problems };
  }
  const program = parsed.data;
  problems.push(
    ...duplicates('effect', program.effects.map((effect, index) => ({ id: effect.id, field: `effects[${index}].id` }))),
    ...duplicates('opgave', program.tasks.map((task, index) => ({ id: task.id, field: `tasks[${index}].id` }))),
    ...duplicates(
      'actie',
      program.tasks.flatMap((task, taskIndex) => task.actions.map((action, index) => ({ id: action.id, field: `tasks[${taskIndex}].actions[${index}].id` }))),
    ),
  );
  const effectIds = new Set(program.effects.map((effect) => effect.id));
  program.tasks.forEach((task, taskIndex) =>
    task.effects.forEach((effectId, index) => {
      if (!effectIds.has(effectId)) {
        problems.push({
          field: `tasks[${taskIndex}].effects[${index}]`,
          message: `"${effectId}" is geen effect van dit programma: kies een van de effecten hierboven, of voeg het effect eerst toe`,
        });
      }
    }),
  );
  return problems.length > 0 ? { problems } : { program };
}

function cleanProgram(edited: EditedProgram): unknown {
  const optional = (value: string | undefined) => {
    const trimmed = value?.trim();
    return trimmed === undefined || trimmed === '' ? undefined : trimmed;
  };
  const names = (values: readonly string[]) => values.map((value) => value.trim()).filter((value) => value !== '');
  return dropUndefined({
    ...edited,
    title: edited.title.trim(),
    department: optional(edited.department),
    vision: optional(edited.vision),
    portfolioHolders: names(edited.portfolioHolders),
    policyDocuments: names(edited.policyDocuments),
    effects: edited.effects.map((effect) => dropUndefined({ ...effect, id: effect.id.trim(), title: effect.title.trim(), description: optional(effect.description) })),
    tasks: edited.tasks.map((task) =>
      dropUndefined({
        ...task,
        id: task.id.trim(),
        title: task.title.trim(),
        description: optional(task.description),
        actions: task.actions.map((action) =>
          dropUndefined({
            ...action,
            id: action.id.trim(),
            title: action.title.trim(),
            description: optional(action.description),
            owner: optional(action.owner),
            start: optional(action.start),
            due: optional(action.due),
          }),
        ),
      }),
    ),
  });
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

function duplicates(noun: string, ids: readonly { id: string; field: string }[]): ProgramEditProblem[] {
  const first = new Map<string, string>();
  return ids.flatMap(({ id, field }) => {
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, field);
      return [];
    }
    return [{ field, message: `id "${id}" staat al bij ${earlier}: geef elke ${noun} in het programma een eigen id` }];
  });
}

const fieldNames: Readonly<Record<string, string>> = {
  id: 'het id',
  title: 'de titel',
  kind: 'de soort',
  priority: 'de prioriteit',
  start: 'de startdatum',
  due: 'de einddatum',
};

function dutchMessage(issue: z.core.$ZodIssue, field: string): string {
  const key = String(issue.path[issue.path.length - 1] ?? '');
  if (key === 'title' && issue.code === 'too_small') return 'vul een titel in';
  if (key === 'id') return 'een id begint met een letter (a-z) en bevat alleen a-z, 0-9, "_" en "-", zoals "veilig-wonen"';
  if (key === 'kind') return 'kies "new" (concreet) of "regular" (regulier)';
  if (key === 'priority') return 'kies basis (basis op orde), statutory (wettelijk), execution (uitvoering) of new_policy (nieuw beleid)';
  if (key === 'due' && issue.message.includes('before start')) return 'de einddatum ligt vóór de startdatum: kies een einddatum op of na de start';
  if (key === 'start' || key === 'due') return `${fieldNames[key]} is geen geldige datum: schrijf JJJJ-MM-DD, zoals 2026-12-31`;
  if (issue.code === 'too_small') return `${fieldNames[key] ?? field} mag niet leeg zijn`;
  return `${fieldNames[key] ?? field}: ${issue.message}`;
}

/** A path as the workspace loader writes it: `tasks[0].actions[1].due`. */
function formatField(path: readonly PropertyKey[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`)).join('');
}
