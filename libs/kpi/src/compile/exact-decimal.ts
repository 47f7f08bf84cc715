/**
 * Exact arithmetic on numbers as a person reads them: each number is taken as
 * its shortest decimal spelling (`String(0.1)` is "0.1"), so 2.0 × (1 + 0.1) is
 * exactly 2.2 and a value of 2.2 sits exactly on that bound, as a human expects.
 * Binary floating point would put the bound a hair off (2.2000000000000002).
 */

/** `digits × 10^exponent`, exactly. */
export interface ExactDecimal {
  readonly digits: bigint;
  readonly exponent: number;
}

const spelling = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/** The decimal a finite number is written as; throws for NaN and infinities, which have none. */
export function exactDecimal(value: number): ExactDecimal {
  const match = spelling.exec(String(value));
  if (!Number.isFinite(value) || match === null) throw new Error(`exactDecimal: ${value} is not a finite number`);
  const [, sign = '', whole = '0', fraction = '', power = '0'] = match;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  return { digits, exponent: Number(power) - fraction.length };
}

function aligned(left: ExactDecimal, right: ExactDecimal): [bigint, bigint, number] {
  const exponent = Math.min(left.exponent, right.exponent);
  const scale = (decimal: ExactDecimal): bigint => decimal.digits * 10n ** BigInt(decimal.exponent - exponent);
  return [scale(left), scale(right), exponent];
}

/** `left + right`, exactly. */
export function addDecimals(left: ExactDecimal, right: ExactDecimal): ExactDecimal {
  const [a, b, exponent] = aligned(left, right);
  return { digits: a + b, exponent };
}

/** `left × right`, exactly. */
export function multiplyDecimals(left: ExactDecimal, right: ExactDecimal): ExactDecimal {
  return { digits: left.digits * right.digits, exponent: left.exponent + right.exponent };
}

/** `-decimal`. */
export function negateDecimal(decimal: ExactDecimal): ExactDecimal {
  return { digits: -decimal.digits, exponent: decimal.exponent };
}

/** -1, 0 or 1 as `left` is below, equal to or above `right`. */
export function compareDecimals(left: ExactDecimal, right: ExactDecimal): -1 | 0 | 1 {
  const [a, b] = aligned(left, right);
  return a < b ? -1 : a > b ? 1 : 0;
}
