import type { ComputationInputs, ComputationRecord, ComputationStatus, ComputationTrigger, IndicatorProblem } from '@koers/domain';
import type { Selectable } from 'kysely';
import type { ComputationTable } from '../database';
import { fromJsonColumn } from './json-column';

/** A `computations` row as the domain's record. */
export function toRecord(row: Selectable<ComputationTable>): ComputationRecord {
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    // Only this file writes these columns, from the typed unions.
    trigger: row.trigger as ComputationTrigger,
    requestedAt: row.requested_at ?? row.started_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: row.status as ComputationStatus,
    error: row.error,
    inputs: fromJsonColumn<ComputationInputs | null>(row.inputs, null),
    problems: fromJsonColumn<IndicatorProblem[]>(row.problems),
    indicatorCount: Number(row.indicator_count),
    failedCount: Number(row.failed_count),
    indicatorIds: row.indicator_ids === null ? null : fromJsonColumn<string[]>(row.indicator_ids),
  };
}
