import type { ActionKind, Priority } from '@koers/domain';

/** How an action's kind reads in the dashboard. */
export const actionKindLabels: Readonly<Record<ActionKind, string>> = {
  new: 'Nieuw',
  regular: 'Regulier',
};

/** How a priority reads in the dashboard, in the order of work of team plans. */
export const priorityLabels: Readonly<Record<Priority, string>> = {
  basis: 'Basis op orde',
  statutory: 'Wettelijke taken',
  execution: 'Uitvoering',
  new_policy: 'Nieuw beleid',
};
