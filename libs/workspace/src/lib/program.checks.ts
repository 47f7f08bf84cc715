import type { Program, WorkspaceProblem } from '@koers/domain';
import { formatField } from './field-path';
import { danglingReferenceMessage, type ReferenceTarget } from './reference-target';
import type { YamlFile } from './yaml-file';

type LocatedProgram = Program & { readonly file: string };

/**
 * Checks one program's structure. Duplicate effect, task or action ids inside
 * it make it ambiguous, so the program is left out. A task naming an effect not
 * in the program, or an effect naming an indicator not in the workspace, is
 * reported and that one reference is dropped: the program is kept, so the
 * dashboard still shows it.
 */
export function checkProgram(
  program: LocatedProgram,
  yaml: YamlFile,
  indicators: ReferenceTarget,
): { readonly program?: LocatedProgram; readonly problems: readonly WorkspaceProblem[] } {
  const problem = (path: ReadonlyArray<string | number>, field: string, message: string): WorkspaceProblem => ({
    file: program.file,
    line: yaml.lineOf(path),
    field,
    message,
  });

  const duplicates = [
    ...duplicateIds('effect', program.effects.map((effect, index) => ({ id: effect.id, path: ['effects', index, 'id'] }))),
    ...duplicateIds('task', program.tasks.map((task, index) => ({ id: task.id, path: ['tasks', index, 'id'] }))),
    ...duplicateIds(
      'action',
      program.tasks.flatMap((task, taskIndex) =>
        task.actions.map((action, index) => ({ id: action.id, path: ['tasks', taskIndex, 'actions', index, 'id'] })),
      ),
    ),
  ].map(({ path, field, message }) => problem(path, field, `${message}; the program is left out until then`));
  if (duplicates.length > 0) return { problems: duplicates };

  const problems: WorkspaceProblem[] = [];
  const effects = program.effects.map((effect, effectIndex) => ({
    ...effect,
    indicators: effect.indicators.filter((id, index) => {
      if (indicators.validIds.has(id)) return true;
      const path = ['effects', effectIndex, 'indicators', index];
      problems.push(problem(path, `effects[${effectIndex}].indicators[${index}]`, `${danglingReferenceMessage(indicators, id)}; the effect is shown without it until then`));
      return false;
    }),
  }));

  const effectIds = new Set(program.effects.map((effect) => effect.id));
  const tasks = program.tasks.map((task, taskIndex) => ({
    ...task,
    effects: task.effects.filter((id, index) => {
      if (effectIds.has(id)) return true;
      const path = ['tasks', taskIndex, 'effects', index];
      const known = effectIds.size > 0 ? `use one of ${[...effectIds].join(', ')}` : 'this program has no effects yet';
      problems.push(problem(path, `tasks[${taskIndex}].effects[${index}]`, `effect "${id}" is not an effect of this program (${known}): correct it, or add it under "effects:"`));
      return false;
    }),
  }));
  return { program: { ...program, effects, tasks }, problems };
}

interface IdAt {
  readonly id: string;
  readonly path: ReadonlyArray<string | number>;
}

function duplicateIds(noun: string, ids: readonly IdAt[]): Array<{ path: IdAt['path']; field: string; message: string }> {
  const first = new Map<string, IdAt>();
  const found: Array<{ path: IdAt['path']; field: string; message: string }> = [];
  for (const entry of ids) {
    const earlier = first.get(entry.id);
    if (!earlier) {
      first.set(entry.id, entry);
      continue;
    }
    found.push({
      path: entry.path,
      field: formatField(entry.path),
      message: `${noun} id "${entry.id}" is already used at ${formatField(earlier.path)}: give each ${noun} in the program its own id`,
    });
  }
  return found;
}

/**
 * Action ids must be unique across the whole workspace, because progress is
 * reported per action. Each clash is reported on every program involved, naming
 * the others, and the clashing actions are dropped from all of them.
 */
export function checkActionIdsAcrossPrograms(
  programs: ReadonlyArray<{ readonly program: LocatedProgram; readonly yaml: YamlFile }>,
): { readonly programs: readonly LocatedProgram[]; readonly problems: readonly WorkspaceProblem[] } {
  const places = new Map<string, Array<{ file: string; path: ReadonlyArray<string | number>; yaml: YamlFile }>>();
  for (const { program, yaml } of programs) {
    program.tasks.forEach((task, taskIndex) =>
      task.actions.forEach((action, index) => {
        const place = { file: program.file, path: ['tasks', taskIndex, 'actions', index, 'id'], yaml };
        places.set(action.id, [...(places.get(action.id) ?? []), place]);
      }),
    );
  }
  const clashing = new Set<string>();
  const problems: WorkspaceProblem[] = [];
  for (const [id, at] of places) {
    if (at.length < 2) continue;
    clashing.add(id);
    for (const place of at) {
      const others = at.filter((other) => other !== place).map((other) => `${other.file}:${other.yaml.lineOf(other.path) ?? '?'}`);
      problems.push({
        file: place.file,
        line: place.yaml.lineOf(place.path),
        field: formatField(place.path),
        message: `action id "${id}" is also used in ${others.join(', ')}; action ids must be unique across the workspace because progress is reported per action: rename one of them (these actions are left out until then)`,
      });
    }
  }
  const kept = programs.map(({ program }) =>
    clashing.size === 0
      ? program
      : { ...program, tasks: program.tasks.map((task) => ({ ...task, actions: task.actions.filter((action) => !clashing.has(action.id)) })) },
  );
  return { programs: kept, problems };
}
