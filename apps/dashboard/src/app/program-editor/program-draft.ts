import { computed, signal } from '@angular/core';
import type { ActionKind, Priority, ProgramDocument, ProgramEditProblem } from '@koers/domain';

/** An action as the editor holds it: every optional text as a string, empty for none. */
export interface DraftAction {
  id: string;
  title: string;
  description: string;
  kind: ActionKind;
  priority: Priority;
  owner: string;
  start: string;
  due: string;
}

export interface DraftTask {
  id: string;
  title: string;
  description: string;
  effects: string[];
  actions: DraftAction[];
}

export interface DraftEffect {
  id: string;
  title: string;
  description: string;
  indicators: string[];
}

/** The program as the form edits it. */
export interface DraftProgram {
  id?: string;
  number?: number;
  title: string;
  /** One text, holders separated by commas. */
  portfolioHolders: string;
  department: string;
  vision: string;
  /** One text, a document a line. */
  policyDocuments: string;
  effects: DraftEffect[];
  tasks: DraftTask[];
}

/** Which list a move or removal is in. */
export type DraftList =
  { readonly kind: 'effects' } | { readonly kind: 'tasks' } | { readonly kind: 'actions'; readonly taskIndex: number };

/** The form's draft from a program file. */
export function draftOf(document: ProgramDocument): DraftProgram {
  return {
    ...(document.id === undefined ? {} : { id: document.id }),
    ...(document.number === undefined ? {} : { number: document.number }),
    title: document.title,
    portfolioHolders: document.portfolioHolders.join(', '),
    department: document.department ?? '',
    vision: document.vision ?? '',
    policyDocuments: document.policyDocuments.join('\n'),
    effects: document.effects.map((effect) => ({
      id: effect.id,
      title: effect.title,
      description: effect.description ?? '',
      indicators: [...effect.indicators],
    })),
    tasks: document.tasks.map((task) => ({
      id: task.id,
      title: task.title,
      description: task.description ?? '',
      effects: [...task.effects],
      actions: task.actions.map((action) => ({
        id: action.id,
        title: action.title,
        description: action.description ?? '',
        kind: action.kind,
        priority: action.priority,
        owner: action.owner ?? '',
        start: action.start ?? '',
        due: action.due ?? '',
      })),
    })),
  };
}

/**
 * What the server is sent: lists split, empty optional texts left out, and a
 * new item without an id given one from its title (unique in the program and,
 * for actions, among the other programs' actions).
 */
export function programInputOf(draft: DraftProgram, actionIdsElsewhere: readonly string[]) {
  const used = new Set([
    ...actionIdsElsewhere,
    ...draft.effects.map((effect) => effect.id),
    ...draft.tasks.map((task) => task.id),
    ...draft.tasks.flatMap((task) => task.actions.map((action) => action.id)),
  ]);
  const idFor = (id: string, title: string) => {
    if (id.trim() !== '') return id.trim();
    const base = slugOf(title);
    let candidate = base;
    for (let suffix = 2; used.has(candidate); suffix++) candidate = `${base}-${suffix}`;
    used.add(candidate);
    return candidate;
  };
  const optional = (text: string) => (text.trim() === '' ? undefined : text);
  return {
    ...(draft.id === undefined ? {} : { id: draft.id }),
    ...(draft.number === undefined ? {} : { number: draft.number }),
    title: draft.title,
    portfolioHolders: draft.portfolioHolders
      .split(',')
      .map((holder) => holder.trim())
      .filter((holder) => holder !== ''),
    department: optional(draft.department),
    vision: optional(draft.vision),
    policyDocuments: draft.policyDocuments
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    effects: draft.effects.map((effect) => ({
      id: idFor(effect.id, effect.title),
      title: effect.title,
      description: optional(effect.description),
      indicators: effect.indicators,
    })),
    tasks: draft.tasks.map((task) => ({
      id: idFor(task.id, task.title),
      title: task.title,
      description: optional(task.description),
      effects: task.effects,
      actions: task.actions.map((action) => ({
        id: idFor(action.id, action.title),
        title: action.title,
        description: optional(action.description),
        kind: action.kind,
        priority: action.priority,
        owner: optional(action.owner),
        start: optional(action.start),
        due: optional(action.due),
      })),
    })),
  };
}

/** An id from a title: `Regionale agenda 2026` → `regionale-agenda-2026`. */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'nieuw' : slug;
}

/** The field path of an item of a list: `effects[1]`, `tasks[0].actions[2]`. */
export function itemPathOf(list: DraftList, index: number): string {
  return list.kind === 'actions' ? `tasks[${list.taskIndex}].actions[${index}]` : `${list.kind}[${index}]`;
}

/** The id of the element of a field path, for labels, links from the summary and `aria-describedby`. */
export function fieldElementId(field: string): string {
  return `veld-${field.replace(/[[\].]+/g, '-').replace(/-+$/, '')}`;
}

const fieldNames: Readonly<Record<string, string>> = {
  title: 'titel',
  id: 'id',
  description: 'toelichting',
  priority: 'prioriteit',
  kind: 'soort',
  owner: 'eigenaar (team)',
  start: 'startdatum',
  due: 'einddatum',
  indicators: 'indicatoren',
  effects: 'effecten',
  portfolioHolders: 'portefeuillehouders',
  department: 'afdeling',
  vision: 'visie',
  policyDocuments: 'beleidsdocumenten',
};
const itemNames: Readonly<Record<string, string>> = { effects: 'effect', tasks: 'opgave', actions: 'actie' };

/**
 * A field path as the reader knows it from the form: `tasks[0].actions[1].due`
 * → `Opgave 1, actie 2: einddatum`; `title` → `Titel`.
 */
export function fieldLabelOf(field: string): string {
  const items: string[] = [];
  let name = '';
  for (const match of field.matchAll(/(effects|tasks|actions)\[(\d+)\]|([A-Za-z]+)/g)) {
    const [, list, index, key] = match;
    if (list !== undefined && index !== undefined) items.push(`${itemNames[list] ?? list} ${Number(index) + 1}`);
    else if (key !== undefined) name = fieldNames[key] ?? key;
  }
  const label = items.length === 0 ? name : `${items.join(', ')}${name === '' ? '' : `: ${name}`}`;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * The program being edited, with the server's problems by field. Every change
 * makes a new draft, so the page's signals follow.
 */
export class ProgramDraft {
  readonly draft = signal<DraftProgram | null>(null);
  readonly problems = signal<readonly ProgramEditProblem[]>([]);
  /** The message of each field with a problem, by field path. */
  readonly problemByField = computed(() => {
    const byField = new Map<string, string>();
    for (const problem of this.problems())
      if (problem.field !== null && !byField.has(problem.field)) byField.set(problem.field, problem.message);
    return byField;
  });

  /** Changes the draft through `change`, which may change the copy it is given. */
  update(change: (draft: DraftProgram) => void): void {
    const current = this.draft();
    if (current === null) return;
    const copy = structuredClone(current);
    change(copy);
    this.draft.set(copy);
  }

  addEffect(): void {
    this.update((draft) => draft.effects.push({ id: '', title: '', description: '', indicators: [] }));
  }

  addTask(): void {
    this.update((draft) => draft.tasks.push({ id: '', title: '', description: '', effects: [], actions: [] }));
  }

  addAction(taskIndex: number): void {
    this.update((draft) =>
      draft.tasks[taskIndex]?.actions.push({
        id: '',
        title: '',
        description: '',
        kind: 'new',
        priority: 'execution',
        owner: '',
        start: '',
        due: '',
      }),
    );
  }

  /** Moves an item one place up (-1) or down (+1) in its list. */
  move(list: DraftList, index: number, step: -1 | 1): void {
    this.update((draft) => {
      const items = itemsOf(draft, list);
      const target = index + step;
      if (items === undefined || target < 0 || target >= items.length) return;
      const [item] = items.splice(index, 1);
      if (item !== undefined) items.splice(target, 0, item);
    });
  }

  remove(list: DraftList, index: number): void {
    this.update((draft) => {
      if (list.kind === 'effects') {
        const [removed] = draft.effects.splice(index, 1);
        // A removed effect is no longer one a task can work towards.
        for (const task of draft.tasks) task.effects = task.effects.filter((id) => id !== removed?.id);
        return;
      }
      itemsOf(draft, list)?.splice(index, 1);
    });
  }

  /** Adds or removes `id` from a list of ids (an effect's indicators, a task's effects). */
  toggle(ids: string[], id: string, isChecked: boolean): void {
    const index = ids.indexOf(id);
    if (isChecked && index < 0) ids.push(id);
    if (!isChecked && index >= 0) ids.splice(index, 1);
  }
}

function itemsOf(draft: DraftProgram, list: DraftList): unknown[] | undefined {
  if (list.kind === 'effects') return draft.effects;
  if (list.kind === 'tasks') return draft.tasks;
  return draft.tasks[list.taskIndex]?.actions;
}
