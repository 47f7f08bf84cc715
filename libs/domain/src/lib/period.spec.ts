import { describe, expect, it } from 'vitest';
import { grainOfPeriod, periodEnd, quarterOfPeriod, shiftPeriod } from './period';

describe('periods', () => {
  it('knows the grain of a label', () => {
    expect([grainOfPeriod('2025'), grainOfPeriod('2025-Q3'), grainOfPeriod('2025-03')]).toEqual(['year', 'quarter', 'month']);
  });

  it('shifts across year boundaries in every grain', () => {
    expect(shiftPeriod('2025-Q1', 'quarter', -1)).toBe('2024-Q4');
    expect(shiftPeriod('2025-01', 'month', -12)).toBe('2024-01');
    expect(shiftPeriod('2025-12', 'month', 1)).toBe('2026-01');
    expect(shiftPeriod('2025', 'year', -1)).toBe('2024');
  });

  it('gives the last day of a period, leap years included', () => {
    expect(periodEnd('2025-Q3')).toBe('2025-09-30');
    expect(periodEnd('2024-02')).toBe('2024-02-29');
    expect(periodEnd('2025-02')).toBe('2025-02-28');
    expect(periodEnd('2025')).toBe('2025-12-31');
  });

  it('gives the quarter a period ends in', () => {
    expect(quarterOfPeriod('2025-08')).toBe('2025-Q3');
    expect(quarterOfPeriod('2025')).toBe('2025-Q4');
    expect(quarterOfPeriod('2025-Q2')).toBe('2025-Q2');
  });
});
