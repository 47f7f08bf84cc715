import type { WorkspaceProblem } from '@koers/domain';
import type { ParsedDefinition } from './definition-file';

/**
 * Finds ids used by more than one file of one kind. Each of those files gets a
 * problem naming the other(s), and none of them is used: it is ambiguous which
 * one is meant. Files whose id could be told take part even when they have other
 * problems, so fixing those does not reveal a clash later.
 */
export function duplicateIdProblems<T>(definitions: readonly ParsedDefinition<T>[]): {
  readonly duplicateFiles: ReadonlySet<string>;
  readonly problems: readonly WorkspaceProblem[];
} {
  const filesById = new Map<string, ParsedDefinition<T>[]>();
  for (const definition of definitions) {
    if (definition.id === undefined) continue;
    filesById.set(definition.id, [...(filesById.get(definition.id) ?? []), definition]);
  }
  const duplicateFiles = new Set<string>();
  const problems: WorkspaceProblem[] = [];
  for (const [id, sharing] of filesById) {
    if (sharing.length < 2) continue;
    for (const definition of sharing) {
      duplicateFiles.add(definition.file);
      const others = sharing.filter((other) => other !== definition).map((other) => other.file);
      problems.push({
        file: definition.file,
        line: definition.idLine,
        field: definition.idLine === undefined ? undefined : 'id',
        message: `id "${id}" is also used by ${others.join(', ')}; ids must be unique, so none of them is used: give each its own id (the "id:" field, or the file name when there is none)`,
      });
    }
  }
  return { duplicateFiles, problems };
}
