import type { IndicatorDefinition, IndicatorResult, MemberValue, PeriodValue } from '@koers/domain';
import { latestOf, statusOf } from '../compile/index';
import { memberComparator } from './member-order';

/**
 * Turns the compiled query's rows (`dimension`, `member`, `period`, `value`)
 * (as JS values, `getRowsJS()`) into the contract's result: total values by ascending period, one list per
 * dimension (members ascending in their column's type, the null member last, then periods), latest and status.
 * `isNumericDimension` says which dimension columns hold numbers, so they order as numbers.
 */
export function buildIndicatorResult(
  indicator: IndicatorDefinition,
  rows: Iterable<readonly unknown[]>,
  isNumericDimension: (name: string) => boolean = () => false,
): IndicatorResult {
  const values: PeriodValue[] = [];
  const breakdown: Record<string, MemberValue[]> = Object.fromEntries(indicator.dimensions.map((name) => [name, []]));
  for (const [dimension, member, period, value] of rows) {
    const number = value === null || value === undefined ? null : Number(value);
    const finite = number !== null && Number.isFinite(number) ? number : null;
    if (dimension === null || dimension === undefined) {
      values.push({ period: String(period), value: finite });
    } else {
      const list = (breakdown[String(dimension)] ??= []);
      list.push({ member: member === null || member === undefined ? null : String(member), period: String(period), value: finite });
    }
  }
  values.sort((a, b) => compareText(a.period, b.period));
  for (const [name, list] of Object.entries(breakdown)) {
    const compareMember = memberComparator(isNumericDimension(name));
    list.sort((a, b) => compareMember(a.member, b.member) || compareText(a.period, b.period));
  }
  const latest = latestOf(values);
  const { status, target } = statusOf(latest, indicator);
  return { id: indicator.id, status, latest, target, values, breakdown };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
