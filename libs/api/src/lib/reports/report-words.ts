import type { ActionStanding, IndicatorStatus, MotionPointStatus } from '@koers/domain';

/** How a status reads in the API's Dutch messages, as the dashboard says it. */
export const indicatorStatusWords: Readonly<Record<IndicatorStatus, string>> = {
  on_track: 'op koers',
  at_risk: 'risico',
  off_track: 'uit koers',
  no_target: 'geen streefwaarde',
  no_data: 'geen gegevens',
};

export const actionStandingWords: Readonly<Record<ActionStanding, string>> = {
  not_started: 'niet gestart',
  on_schedule: 'op schema',
  delayed: 'vertraagd',
  done: 'gereed',
  cancelled: 'vervallen',
  not_reported: 'niet gerapporteerd',
};

export const motionPointStatusWords: Readonly<Record<MotionPointStatus, string>> = {
  open: 'open',
  in_progress: 'in uitvoering',
  completed: 'afgedaan',
  not_carried_out: 'niet uitgevoerd',
};

/** `2025-Q3` → `3e kwartaal 2025`. */
export function quarterWords(quarter: string): string {
  return `${quarter.slice(6)}e kwartaal ${quarter.slice(0, 4)}`;
}
