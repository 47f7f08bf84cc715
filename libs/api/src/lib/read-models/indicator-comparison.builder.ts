import type { ComparableIndicator, IndicatorComparison, Municipality, StoredIndicator } from '@koers/domain';
import { summarizeIndicator } from './indicator-summary.builder';

/**
 * One indicator across the municipalities that define it, in the order given
 * (by name). Title, unit and direction are the first municipality's.
 * Returns null when no municipality has it.
 */
export function buildIndicatorComparison(
  indicatorId: string,
  stored: readonly StoredIndicator[],
  municipalities: readonly Municipality[],
): IndicatorComparison | null {
  const nameOf = new Map(municipalities.map((municipality) => [municipality.id, municipality]));
  const entries = stored.flatMap((item) => {
    const municipality = nameOf.get(item.municipalityId);
    return municipality === undefined ? [] : [{ municipality, summary: summarizeIndicator(item), values: item.report?.values ?? [] }];
  });
  const first = entries[0];
  if (first === undefined) return null;
  return {
    indicatorId,
    title: first.summary.title,
    unit: first.summary.unit,
    decimals: first.summary.decimals,
    direction: first.summary.direction,
    grain: first.summary.grain,
    municipalities: entries,
  };
}

/** The indicators that two or more municipalities define, BBV ones first, then by title. */
export function listComparableIndicators(storedPerMunicipality: readonly (readonly StoredIndicator[])[]): ComparableIndicator[] {
  const byId = new Map<string, { stored: StoredIndicator; count: number }>();
  for (const stored of storedPerMunicipality.flat()) {
    const entry = byId.get(stored.indicatorId);
    if (entry === undefined) byId.set(stored.indicatorId, { stored, count: 1 });
    else entry.count += 1;
  }
  return [...byId.values()]
    .filter((entry) => entry.count >= 2)
    .map(({ stored, count }) => ({
      id: stored.indicatorId,
      title: stored.report?.title ?? stored.definition.indicator.title,
      unit: stored.report?.unit ?? stored.definition.indicator.unit,
      isBbv: stored.definition.indicator.bbv,
      municipalityCount: count,
    }))
    .sort((left, right) => Number(right.isBbv) - Number(left.isBbv) || left.title.localeCompare(right.title, 'nl'));
}
