/** Status of an indicator's latest value against the target of its year. */
export const indicatorStatuses = ['on_track', 'at_risk', 'off_track', 'no_target', 'no_data'] as const;
export type IndicatorStatus = (typeof indicatorStatuses)[number];

/** One computed value of an indicator. */
export interface PeriodValue {
  readonly period: string;
  readonly value: number | null;
}

/** One computed value of one member of a dimension; `member` null is the member of rows without one. */
export interface MemberValue extends PeriodValue {
  readonly member: string | null;
}

/** An indicator as `koers compute --json` prints it (WORKSPACE-FORMAT.md). */
export interface IndicatorResult {
  readonly id: string;
  readonly status: IndicatorStatus;
  readonly latest: PeriodValue | null;
  readonly target: number | null;
  readonly values: readonly PeriodValue[];
  readonly breakdown: Readonly<Record<string, readonly MemberValue[]>>;
}
