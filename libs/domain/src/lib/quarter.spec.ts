import { describe, expect, it } from 'vitest';
import { parseQuarter, quarterOf, shiftQuarter } from './quarter';

describe('quarter', () => {
  it('parses a label into year and quarter', () => {
    expect(parseQuarter('2025-Q3')).toEqual({ year: 2025, quarter: 3 });
  });

  it('refuses a label that is not a quarter, saying how to write one', () => {
    expect(() => parseQuarter('2025-Q5')).toThrow(/YYYY-Qn/);
  });

  it('labels the quarter a date falls in', () => {
    expect(quarterOf(new Date('2025-03-31T23:00:00Z'))).toBe('2025-Q1');
    expect(quarterOf(new Date('2025-04-01T00:00:00Z'))).toBe('2025-Q2');
  });

  it('shifts across year boundaries both ways', () => {
    expect(shiftQuarter('2025-Q4', 1)).toBe('2026-Q1');
    expect(shiftQuarter('2025-Q1', -1)).toBe('2024-Q4');
    expect(shiftQuarter('2025-Q2', -4)).toBe('2024-Q2');
  });
});
