import { describe, expect, it } from 'vitest';
import { referenceStatus } from './exact-status';

describe('referenceStatus (the reference reading of the status rule)', () => {
  it('puts a value exactly on the target on track, both directions', () => {
    expect(referenceStatus(10, 10, 'higher_is_better', 0.1)).toBe('on_track');
    expect(referenceStatus(10, 10, 'lower_is_better', 0.1)).toBe('on_track');
  });

  it('puts a value exactly on the tolerance bound at risk, even where floats miss it', () => {
    // 1.1 × 0.9 is 0.9900000000000001 in binary floating point.
    expect(1.1 * (1 - 0.1)).toBeGreaterThan(0.99);
    expect(referenceStatus(0.99, 1.1, 'higher_is_better', 0.1)).toBe('at_risk');
    // 3.8 × 1.05 is 3.9899999999999998 in binary floating point.
    expect(3.8 * (1 + 0.05)).toBeLessThan(3.99);
    expect(referenceStatus(3.99, 3.8, 'lower_is_better', 0.05)).toBe('at_risk');
  });

  it('is off track just past the bound, and knows no data and no target', () => {
    expect(referenceStatus(8.99, 10, 'higher_is_better', 0.1)).toBe('off_track');
    expect(referenceStatus(11.01, 10, 'lower_is_better', 0.1)).toBe('off_track');
    expect(referenceStatus(10.5, 10, 'lower_is_better', 0)).toBe('off_track');
    expect(referenceStatus(null, 10, 'lower_is_better', 0.1)).toBe('no_data');
    expect(referenceStatus(3, null, 'lower_is_better', 0.1)).toBe('no_target');
  });

  it('handles very small and very large values exactly', () => {
    expect(referenceStatus(1e-7, 1e-7, 'higher_is_better', 0.1)).toBe('on_track');
    expect(referenceStatus(9e20, 1e21, 'higher_is_better', 0.1)).toBe('at_risk');
  });
});
