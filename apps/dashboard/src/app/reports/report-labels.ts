import type { MotionPointStatus, ReportStatus } from '@koers/domain';
import { formatPeriod } from '../format/dutch-format';

/** Where a report stands, as the council and the college read it. */
export const reportStatusLabels: Readonly<Record<ReportStatus, string>> = {
  draft: 'Concept',
  approved: 'Goedgekeurd door het college',
  published: 'Gepubliceerd aan de raad',
};

/** Where a point of a motion stands. */
export const motionPointStatusLabels: Readonly<Record<MotionPointStatus, string>> = {
  open: 'Open',
  in_progress: 'In uitvoering',
  completed: 'Afgedaan',
  not_carried_out: 'Niet uitgevoerd',
};

/** `2025-Q3` → `Kwartaalrapportage 3e kwartaal 2025`. */
export function reportTitle(quarter: string): string {
  return `Kwartaalrapportage ${formatPeriod(quarter)}`;
}
