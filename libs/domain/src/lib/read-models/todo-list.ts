/** What kind of work a to-do item is. */
export const todoKinds = ['source_failed', 'progress_due', 'commentary_due'] as const;
export type TodoKind = (typeof todoKinds)[number];

/** Where in the dashboard an item is done: path segments after the municipality, query and fragment. */
export interface TodoLink {
  readonly path: readonly string[];
  readonly query?: Readonly<Record<string, string>>;
  readonly fragment?: string;
}

/** One thing someone has still to do. */
export interface TodoItem {
  readonly kind: TodoKind;
  /** One Dutch line: what is open. */
  readonly title: string;
  /** One Dutch line of detail (the error, the count, the indicator), or null. */
  readonly detail: string | null;
  readonly link: TodoLink;
  /** Whose work it is, when it is not the user's own (an admin sees the others'): the team, the portfolio, the data team. */
  readonly assignee: string | null;
}

/** The signed-in user's "to do" in a municipality for the current quarter. */
export interface TodoList {
  readonly municipalityId: string;
  readonly quarter: string;
  readonly items: readonly TodoItem[];
}
