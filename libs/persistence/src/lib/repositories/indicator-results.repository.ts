import type { DefinitionSnapshot, IndicatorReport, PeriodStatus, StoredIndicator } from '@koers/domain';
import type { Kysely, Selectable } from 'kysely';
import type { Database, IndicatorResultTable } from '../database';
import { fromJsonColumn } from './json-column';

/** The stored indicators of one municipality, in workspace order. */
export async function listStoredIndicators(db: Kysely<Database>, municipalityId: string): Promise<StoredIndicator[]> {
  const rows = await db
    .selectFrom('indicator_results')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('position')
    .execute();
  return rows.map(toStoredIndicator);
}

/** One indicator as stored in every municipality that has it, by municipality name. */
export async function listStoredIndicatorEverywhere(db: Kysely<Database>, indicatorId: string): Promise<StoredIndicator[]> {
  const rows = await db
    .selectFrom('indicator_results as r')
    .innerJoin('municipalities as m', 'm.id', 'r.municipality_id')
    .selectAll('r')
    .where('r.indicator_id', '=', indicatorId)
    .orderBy('m.name')
    .orderBy('m.id')
    .execute();
  return rows.map(toStoredIndicator);
}

function toStoredIndicator(row: Selectable<IndicatorResultTable>): StoredIndicator {
  return {
    municipalityId: row.municipality_id,
    indicatorId: row.indicator_id,
    definition: fromJsonColumn<DefinitionSnapshot>(row.definition),
    report: fromJsonColumn<IndicatorReport | null>(row.report, null),
    statuses: fromJsonColumn<PeriodStatus[]>(row.statuses, []),
    computationId: row.computation_id,
    problem: fromJsonColumn<StoredIndicator['problem']>(row.problem, null),
  };
}
