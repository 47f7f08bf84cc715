import type { ProgramDocument } from '@koers/domain';
import { Document, isScalar, isSeq, Scalar, visit } from 'yaml';

/** Texts longer than this are written as a folded block (`>-`), so a reader sees them wrapped. */
const longTextLength = 100;

/** Lists of short names (ids, portfolio holders) written on one line: `indicators: [a, b]`. */
const inlineLists = new Set(['portfolioHolders', 'indicators', 'effects']);

/** Fields whose text may be long: written as a block when long or when it has line breaks. */
const textFields = new Set(['vision', 'description']);

/**
 * Writes a program as the YAML of `programs/<id>.yaml`, the way people write
 * these files by hand: fields in the order of the workspace format, lists in
 * their given order, short lists of names on one line, long texts as
 * blocks, nothing for an optional field that is empty. The comment lines
 * that open `previousText` (the file being replaced) open the new text too;
 * comments further down the file are not kept.
 *
 * Pure: the same program gives the same text, and `parseWorkspace` reads the
 * text back to the same program (`program.serializer.spec.ts` shows it on
 * every demo program).
 *
 * @example
 * serializeProgram({ title: 'Veiligheid', portfolioHolders: ['burgemeester'], policyDocuments: [], effects: [], tasks: [] }, '# Demo\n')
 * // '# Demo\ntitle: Veiligheid\nportfolioHolders: [burgemeester]\n'
 */
export function serializeProgram(program: ProgramDocument, previousText?: string): string {
  const document = new Document(orderedProgram(program));
  visit(document, {
    Pair(_, pair) {
      if (!isScalar(pair.key)) return;
      const key = String(pair.key.value);
      if (isSeq(pair.value) && inlineLists.has(key) && pair.value.items.every((item) => isScalar(item))) pair.value.flow = true;
      if (isScalar(pair.value) && typeof pair.value.value === 'string' && textFields.has(key)) pair.value.type = blockStyleOf(pair.value.value);
    },
  });
  const body = document.toString({ lineWidth: longTextLength, minContentWidth: 40, flowCollectionPadding: false });
  return `${leadingComments(previousText)}${body}`;
}

/** The program as a plain object with its fields in the format's order and empty optional fields left out. */
function orderedProgram(program: ProgramDocument): Record<string, unknown> {
  return withoutEmpty({
    id: program.id,
    number: program.number,
    title: program.title,
    portfolioHolders: program.portfolioHolders.length > 0 ? program.portfolioHolders : undefined,
    department: program.department,
    vision: program.vision,
    policyDocuments: program.policyDocuments.length > 0 ? program.policyDocuments : undefined,
    effects:
      program.effects.length === 0
        ? undefined
        : program.effects.map((effect) =>
            withoutEmpty({ id: effect.id, title: effect.title, description: effect.description, indicators: effect.indicators }),
          ),
    tasks:
      program.tasks.length === 0
        ? undefined
        : program.tasks.map((task) =>
            withoutEmpty({
              id: task.id,
              title: task.title,
              description: task.description,
              effects: task.effects,
              actions:
                task.actions.length === 0
                  ? undefined
                  : task.actions.map((action) =>
                      withoutEmpty({
                        id: action.id,
                        title: action.title,
                        description: action.description,
                        kind: action.kind,
                        priority: action.priority,
                        owner: action.owner,
                        start: action.start,
                        due: action.due,
                      }),
                    ),
            }),
          ),
  });
}

function withoutEmpty(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''));
}

/** A text with line breaks keeps them (`|-`); a long one is wrapped (`>-`); a short one stays on its line. */
function blockStyleOf(text: string): Scalar.Type | undefined {
  if (text.includes('\n')) return Scalar.BLOCK_LITERAL;
  if (text.length > longTextLength) return Scalar.BLOCK_FOLDED;
  return undefined;
}

/** The comment lines (and blank lines between them) that open a file, ending with a line break; empty when there are none. */
export function leadingComments(text: string | undefined): string {
  if (text === undefined) return '';
  const lines: string[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (line.trimStart().startsWith('#') || (line.trim() === '' && lines.length > 0)) lines.push(line);
    else break;
  }
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
