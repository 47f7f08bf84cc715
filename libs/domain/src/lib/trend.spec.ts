import { describe, expect, it } from 'vitest';
import { withTrends } from './trend';

describe('withTrends', () => {
  it('compares each value with the previous period and the same period a year earlier', () => {
    const values = [
      { period: '2024-Q2', value: 4 },
      { period: '2025-Q1', value: 0 },
      { period: '2025-Q2', value: 3 },
    ];
    const [first, second, third] = withTrends(values, 'quarter');
    expect(first).toEqual({ period: '2024-Q2', value: 4, previous: null, yearAgo: null });
    expect(second?.previous).toBeNull();
    expect(third).toEqual({
      period: '2025-Q2',
      value: 3,
      previous: { period: '2025-Q1', value: 0, delta: 3, percent: null },
      yearAgo: { period: '2024-Q2', value: 4, delta: -1, percent: -25 },
    });
  });

  it('has no trend for a value that is null', () => {
    expect(withTrends([{ period: '2024', value: 1 }, { period: '2025', value: null }], 'year')[1]).toMatchObject({ previous: null, yearAgo: null });
  });
});
