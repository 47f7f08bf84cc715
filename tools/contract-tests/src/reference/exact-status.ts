import { type Direction, type IndicatorStatus } from '@koers/domain';

/** A decimal number as an exact fraction `numerator / 10^exponent`. */
interface Decimal {
  readonly numerator: bigint;
  readonly exponent: number;
}

/** The exact decimal a JavaScript number prints as (its shortest round-trip form). */
function toDecimal(value: number): Decimal {
  const [mantissa = '0', power = '0'] = value.toExponential().split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const digits = BigInt(`${whole}${fraction}`);
  const exponent = fraction.length - Number(power);
  return exponent >= 0
    ? { numerator: digits, exponent }
    : { numerator: digits * 10n ** BigInt(-exponent), exponent: 0 };
}

function scaled(decimal: Decimal, exponent: number): bigint {
  return decimal.numerator * 10n ** BigInt(exponent - decimal.exponent);
}

/** Compares `value` with `target × factor` exactly: -1, 0 or 1. */
function compareWithProduct(value: number, target: number, factor: Decimal): number {
  const left = toDecimal(value);
  const right = toDecimal(target);
  const productExponent = right.exponent + factor.exponent;
  const exponent = Math.max(left.exponent, productExponent);
  const a = scaled(left, exponent);
  const b = right.numerator * factor.numerator * 10n ** BigInt(exponent - productExponent);
  return a === b ? 0 : a < b ? -1 : 1;
}

function oneMinus(tolerance: number, sign: 1 | -1): Decimal {
  const tol = toDecimal(tolerance);
  const one = 10n ** BigInt(tol.exponent);
  return { numerator: sign === 1 ? one + tol.numerator : one - tol.numerator, exponent: tol.exponent };
}

/**
 * The status of a latest value against its year's target, compared the way
 * the contract writes it, in exact decimals: "exactly on the tolerance bound"
 * means the decimals the analyst wrote, not a binary float product that
 * misses the bound by 1e-16.
 */
export function referenceStatus(
  value: number | null,
  target: number | null,
  direction: Direction,
  tolerance: number,
): IndicatorStatus {
  if (value === null) return 'no_data';
  if (target === null) return 'no_target';
  const exact = { numerator: 1n, exponent: 0 };
  if (direction === 'higher_is_better') {
    if (compareWithProduct(value, target, exact) >= 0) return 'on_track';
    return compareWithProduct(value, target, oneMinus(tolerance, -1)) >= 0 ? 'at_risk' : 'off_track';
  }
  if (compareWithProduct(value, target, exact) <= 0) return 'on_track';
  return compareWithProduct(value, target, oneMinus(tolerance, 1)) <= 0 ? 'at_risk' : 'off_track';
}
