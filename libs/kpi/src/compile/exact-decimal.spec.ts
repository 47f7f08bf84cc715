import { describe, expect, it } from 'vitest';
import { addDecimals, compareDecimals, exactDecimal, multiplyDecimals } from './exact-decimal';

describe('exact decimals', () => {
  it('reads a number as it is spelled, exponents included', () => {
    expect(exactDecimal(2.2)).toEqual({ digits: 22n, exponent: -1 });
    expect(exactDecimal(-0.05)).toEqual({ digits: -5n, exponent: -2 });
    expect(exactDecimal(1e21)).toEqual({ digits: 1n, exponent: 21 });
    expect(exactDecimal(1.5e-7)).toEqual({ digits: 15n, exponent: -8 });
  });

  it('computes 2 × (1 + 0.1) as exactly 2.2', () => {
    const bound = multiplyDecimals(exactDecimal(2), addDecimals(exactDecimal(1), exactDecimal(0.1)));
    expect(compareDecimals(bound, exactDecimal(2.2))).toBe(0);
    expect(compareDecimals(exactDecimal(2.2000000000000006), bound)).toBe(1);
    expect(compareDecimals(exactDecimal(-3), exactDecimal(-2.5))).toBe(-1);
  });

  it('refuses what has no decimal spelling', () => {
    expect(() => exactDecimal(Number.POSITIVE_INFINITY)).toThrow(/not a finite number/);
  });
});
