import type { IndicatorStatus, Movement, ProgressStatus } from '@koers/domain';

/** How an indicator's status reads, everywhere in the dashboard. */
export const indicatorStatusLabels: Readonly<Record<IndicatorStatus, string>> = {
  on_track: 'Op koers',
  at_risk: 'Risico',
  off_track: 'Uit koers',
  no_target: 'Geen streefwaarde',
  no_data: 'Geen gegevens',
};

/** The statuses in the order the overview counts them: the ones that need attention first. */
export const indicatorStatusOrder: readonly IndicatorStatus[] = ['off_track', 'at_risk', 'on_track', 'no_target', 'no_data'];

/** How an action's progress reads; `not_reported` is an action without an update this quarter. */
export const progressStatusLabels: Readonly<Record<ProgressStatus | 'not_reported', string>> = {
  not_started: 'Niet gestart',
  on_schedule: 'Op schema',
  delayed: 'Vertraagd',
  done: 'Gereed',
  cancelled: 'Vervallen',
  not_reported: 'Niet gerapporteerd',
};

/** The progress statuses in the order the overview counts them. */
export const progressStatusOrder: readonly (ProgressStatus | 'not_reported')[] = [
  'delayed',
  'on_schedule',
  'done',
  'not_started',
  'cancelled',
  'not_reported',
];

/** How a movement against the previous period reads. */
export const movementLabels: Readonly<Record<Movement, string>> = {
  better: 'verbeterd',
  worse: 'verslechterd',
  unchanged: 'gelijk gebleven',
};
