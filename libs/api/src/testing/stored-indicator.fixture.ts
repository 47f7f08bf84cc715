import {
  type ComputationRecord,
  type IndicatorDefinition,
  type IndicatorStatus,
  type MemberValue,
  type PeriodValue,
  type StoredIndicator,
  withTrends,
} from '@koers/domain';

/** What a test says of an indicator; the rest is filled in the way the server stores it. */
export interface IndicatorFixture {
  readonly municipalityId: string;
  readonly id: string;
  readonly title?: string;
  readonly unit?: string;
  readonly direction?: IndicatorDefinition['direction'];
  readonly grain?: IndicatorDefinition['grain'];
  readonly decimals?: number;
  readonly isBbv?: boolean;
  /** Ascending; null values are periods without a value. */
  readonly values: readonly PeriodValue[];
  readonly targets?: Readonly<Record<string, number>>;
  readonly tolerance?: number;
  readonly baseline?: PeriodValue & { readonly value: number };
  readonly breakdown?: Readonly<Record<string, readonly MemberValue[]>>;
  /** When set, the latest computation failed on this indicator. */
  readonly problem?: { readonly message: string; readonly file?: string; readonly at: string };
  /** When true, the indicator never computed: no report. */
  readonly isNeverComputed?: boolean;
  readonly computedAt?: string;
}

/**
 * A stored indicator as the server keeps it, for tests: report, trends,
 * statuses (by the contract's rule, in plain floating point, which is exact
 * enough for the round numbers of a test) and lineage.
 */
export function storedIndicator(fixture: IndicatorFixture): StoredIndicator {
  const indicator: IndicatorDefinition = {
    id: fixture.id,
    title: fixture.title ?? fixture.id,
    unit: fixture.unit ?? 'aantal',
    direction: fixture.direction ?? 'lower_is_better',
    grain: fixture.grain ?? 'quarter',
    source: 'misdrijven',
    time: 'pleegdatum',
    measure: 'count(*)',
    dimensions: Object.keys(fixture.breakdown ?? {}),
    targets: { ...(fixture.targets ?? {}) },
    tolerance: fixture.tolerance ?? 0.1,
    bbv: fixture.isBbv ?? false,
    file: `indicators/${fixture.id}.yaml`,
    ...(fixture.decimals === undefined ? {} : { decimals: fixture.decimals }),
    ...(fixture.baseline === undefined ? {} : { baseline: fixture.baseline }),
  };
  const computedAt = fixture.computedAt ?? '2026-11-30T08:00:00.000Z';
  const statuses = fixture.values.flatMap((value) => (value.value === null ? [] : [{ period: value.period, status: statusOf(value, indicator) }]));
  const latest = fixture.values.findLast((value) => value.value !== null) ?? null;
  const trend = withTrends(fixture.values, indicator.grain);
  const latestStatus = latest === null ? 'no_data' : statusOf(latest, indicator);
  const target = latest === null ? null : (indicator.targets[latest.period.slice(0, 4)] ?? null);
  const report = fixture.isNeverComputed
    ? null
    : {
        id: fixture.id,
        status: latestStatus,
        latest,
        target,
        values: fixture.values,
        breakdown: fixture.breakdown ?? {},
        title: indicator.title,
        unit: indicator.unit,
        direction: indicator.direction,
        grain: indicator.grain,
        decimals: indicator.decimals ?? null,
        baseline: indicator.baseline ?? null,
        trend,
        latestTrend: trend.find((value) => value.period === latest?.period) ?? null,
        lineage: {
          sources: [
            {
              sourceId: 'misdrijven',
              title: 'Geregistreerde misdrijven',
              version: 3,
              fileHash: 'a'.repeat(64),
              rowCount: 1234,
              loadedAt: computedAt,
              files: ['data/misdrijven.csv'],
            },
          ],
          sql: `SELECT count(*) AS value FROM "source_misdrijven" -- ${fixture.id}`,
          indicatorColumn: null,
          computedAt,
        },
      };
  return {
    municipalityId: fixture.municipalityId,
    indicatorId: fixture.id,
    definition: { indicator, text: `title: ${indicator.title}\nunit: ${indicator.unit}\nmeasure: count(*)\n` },
    report,
    statuses: fixture.isNeverComputed ? [] : statuses,
    computationId: fixture.isNeverComputed ? null : 'computation-1',
    problem:
      fixture.problem === undefined
        ? null
        : { file: fixture.problem.file ?? `indicators/${fixture.id}.yaml`, message: fixture.problem.message, computationId: 'computation-2', at: fixture.problem.at },
  };
}

/** A finished computation, for a municipality's history. */
export function finishedComputation(municipalityId: string, finishedAt = '2026-11-30T08:00:00.000Z'): ComputationRecord {
  return {
    id: `computation-${municipalityId}`,
    municipalityId,
    trigger: 'start',
    requestedAt: finishedAt,
    startedAt: finishedAt,
    finishedAt,
    status: 'succeeded',
    error: null,
    inputs: { sources: [], definitions: [] },
    problems: [],
    indicatorCount: 1,
    failedCount: 0,
  };
}

function statusOf(value: PeriodValue, indicator: IndicatorDefinition): IndicatorStatus {
  if (value.value === null) return 'no_data';
  const target = indicator.targets[value.period.slice(0, 4)];
  if (target === undefined) return 'no_target';
  const isHigherBetter = indicator.direction === 'higher_is_better';
  const bound = target * (isHigherBetter ? 1 - indicator.tolerance : 1 + indicator.tolerance);
  if (isHigherBetter ? value.value >= target : value.value <= target) return 'on_track';
  return (isHigherBetter ? value.value >= bound : value.value <= bound) ? 'at_risk' : 'off_track';
}
