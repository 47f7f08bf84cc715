import type { Direction, Grain } from '../indicator.schema';
import type { Municipality } from '../municipality.schema';
import type { IndicatorSummary } from './indicator-summary';
import type { PeriodValue } from '../indicator-result';

/** One municipality's side of a comparison. */
export interface ComparedMunicipality {
  readonly municipality: Municipality;
  readonly summary: IndicatorSummary;
  readonly values: readonly PeriodValue[];
}

/** One indicator across the municipalities of the installation that define it (the BBV indicators are made for this). */
export interface IndicatorComparison {
  readonly indicatorId: string;
  readonly title: string;
  readonly unit: string;
  readonly decimals: number | null;
  readonly direction: Direction;
  readonly grain: Grain;
  readonly municipalities: readonly ComparedMunicipality[];
}

/** An indicator that more than one municipality defines, for the comparison page's choice. */
export interface ComparableIndicator {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly isBbv: boolean;
  readonly municipalityCount: number;
}
