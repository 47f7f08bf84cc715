import type { Workspace } from '@koers/domain';

/**
 * Every id the database would refuse as a duplicate key, as a line that names
 * both files: ids are unique within a municipality (programs, effects, tasks,
 * actions and indicators each), and a link (task → effect, effect →
 * indicator) is listed once. Checked before the import touches the database.
 */
export function findDuplicateIds(workspace: Workspace): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const claim = (kind: string, id: string, file: string | undefined): void => {
    const where = file ?? '(no file)';
    const key = `${kind}\u0000${id}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, where);
    else problems.push(`${where}: ${kind} id "${id}" is also used in ${first}; give each ${kind} its own id`);
  };
  const claimLinks = (where: string | undefined, owner: string, kind: string, ids: readonly string[]): void => {
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    for (const id of new Set(duplicates)) {
      problems.push(`${where ?? '(no file)'}: ${owner} lists ${kind} "${id}" more than once; list it once`);
    }
  };

  for (const program of workspace.programs) {
    claim('program', program.id, program.file);
    for (const effect of program.effects) {
      claim('effect', effect.id, program.file);
      claimLinks(program.file, `effect "${effect.id}"`, 'indicator', effect.indicators);
    }
    for (const task of program.tasks) {
      claim('task', task.id, program.file);
      claimLinks(program.file, `task "${task.id}"`, 'effect', task.effects);
      for (const action of task.actions) claim('action', action.id, program.file);
    }
  }
  for (const indicator of workspace.indicators) claim('indicator', indicator.id, indicator.file);
  return problems;
}
