import { closestMatch } from './closest-match';

/**
 * The items of one kind a reference may name: the ids that are in the workspace,
 * and the ids whose files exist but were left out (with those files), so a
 * reference to a broken item points at the file to fix instead of saying "does
 * not exist".
 */
export interface ReferenceTarget {
  /** `source`, `indicator`: how the kind reads in a message. */
  readonly noun: string;
  readonly folder: string;
  readonly validIds: ReadonlySet<string>;
  readonly leftOutFiles: ReadonlyMap<string, readonly string[]>;
}

/** The message for a reference to `id` that is not among the valid ids. */
export function danglingReferenceMessage(target: ReferenceTarget, id: string): string {
  const files = target.leftOutFiles.get(id);
  if (files) {
    return `${target.noun} "${id}" is left out because ${files.join(' and ')} ${files.length > 1 ? 'have' : 'has'} problems: fix ${files.length > 1 ? 'those' : 'that'} first`;
  }
  const nearest = closestMatch(id, [...target.validIds]);
  const hint = nearest ? `did you mean "${nearest}"? Otherwise ` : '';
  return `${target.noun} "${id}" does not exist: ${hint}add ${target.folder}/${id}.yaml or name an existing ${target.noun}`;
}
