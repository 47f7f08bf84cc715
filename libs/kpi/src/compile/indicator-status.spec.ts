import { describe, expect, it } from 'vitest';
import { latestOf, statusOf } from './indicator-status';

const lower = { direction: 'lower_is_better', targets: { '2025': 2.0 }, tolerance: 0.1 } as const;
const higher = { direction: 'higher_is_better', targets: { '2025': 2.0 }, tolerance: 0.1 } as const;
const at = (value: number | null, period = '2025-Q2') => ({ period, value });

describe('latestOf', () => {
  it('takes the last period in ascending order whose value is not null', () => {
    expect(latestOf([at(1, '2025-Q3'), at(2, '2025-Q1'), at(null, '2025-Q4'), at(3, '2025-Q2')])).toEqual(at(1, '2025-Q3'));
  });

  it('is null when no value is set', () => {
    expect(latestOf([])).toBeNull();
    expect(latestOf([at(null)])).toBeNull();
  });

  it('counts 0 as a value', () => {
    expect(latestOf([at(5, '2025-01'), at(0, '2025-02')])).toEqual(at(0, '2025-02'));
  });
});

describe('statusOf', () => {
  it('is no_data without a value', () => {
    expect(statusOf(null, lower)).toEqual({ status: 'no_data', target: null });
    expect(statusOf(at(null), lower)).toEqual({ status: 'no_data', target: null });
  });

  it('is no_target when the latest value\'s calendar year has no target', () => {
    expect(statusOf(at(1, '2024-Q4'), lower)).toEqual({ status: 'no_target', target: null });
    expect(statusOf(at(1, '2026'), lower)).toEqual({ status: 'no_target', target: null });
    expect(statusOf(at(1, '2025'), { ...lower, targets: {} })).toEqual({ status: 'no_target', target: null });
  });

  it('takes the year from the first four characters of month, quarter and year periods', () => {
    for (const period of ['2025', '2025-Q4', '2025-12']) expect(statusOf(at(1, period), lower).target).toBe(2);
  });

  it.each([
    [1.9, 'on_track'],
    [2.0, 'on_track'], // exactly at the target
    [2.1, 'at_risk'],
    [2.2, 'at_risk'], // exactly at target × (1 + tolerance), which is 2.2000000000000002 in floating point
    [2.2000000000000006, 'off_track'],
    [2.3, 'off_track'],
  ])('lower_is_better: %s is %s', (value, status) => {
    expect(statusOf(at(value), lower)).toEqual({ status, target: 2 });
  });

  it.each([
    [2.1, 'on_track'],
    [2.0, 'on_track'],
    [1.9, 'at_risk'],
    [1.8, 'at_risk'], // exactly at target × (1 − tolerance)
    [1.7999999999999998, 'off_track'],
    [1.7, 'off_track'],
  ])('higher_is_better: %s is %s', (value, status) => {
    expect(statusOf(at(value), higher)).toEqual({ status, target: 2 });
  });

  it.each([
    // Bounds that binary floating point puts on the wrong side: 1.13 × 1.1 = 1.2429999999999999,
    // 4.52 × 1.1 = 4.9719999999999995, 0.2 × 0.9 = 0.18000000000000002, 0.1 × 0.9 = 0.09000000000000001.
    ['lower_is_better', 1.13, 1.243, 'at_risk'],
    ['lower_is_better', 4.52, 4.972, 'at_risk'],
    ['higher_is_better', 0.2, 0.18, 'at_risk'],
    ['higher_is_better', 0.1, 0.09, 'at_risk'],
    ['higher_is_better', 3, 2.7, 'at_risk'],
  ] as const)('%s with target %s: %s on the bound is %s', (direction, target, value, status) => {
    expect(statusOf(at(value), { direction, targets: { '2025': target }, tolerance: 0.1 }).status).toBe(status);
  });

  it('uses the tolerance given, 0 included', () => {
    expect(statusOf(at(2.5), { ...lower, tolerance: 0.25 }).status).toBe('at_risk');
    expect(statusOf(at(2.0000001), { ...lower, tolerance: 0 }).status).toBe('off_track');
  });

  it('never puts NaN on track', () => {
    expect(statusOf(at(Number.NaN), lower).status).toBe('off_track');
  });
});
