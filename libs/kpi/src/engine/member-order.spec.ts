import { describe, expect, it } from 'vitest';
import { memberComparator } from './member-order';

describe('memberComparator', () => {
  it('orders members of a numeric column as numbers, the null member last', () => {
    const members = ['10', null, '2', '1', '12', '-3', '2.5'];
    expect([...members].sort(memberComparator(true))).toEqual(['-3', '1', '2', '2.5', '10', '12', null]);
  });

  it('orders members of a text column as DuckDB orders text, even when they look like numbers', () => {
    const members = ['10', 'Zuid', null, '2', 'Centrum', 'centrum-oost'];
    expect([...members].sort(memberComparator(false))).toEqual(['10', '2', 'Centrum', 'Zuid', 'centrum-oost', null]);
  });
});
