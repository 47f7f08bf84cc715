import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDelta,
  formatNumber,
  formatPercentChange,
  formatPeriod,
  formatPeriodShort,
  formatValue,
} from './dutch-format';

describe('Dutch formats', () => {
  it('writes numbers with a decimal comma and a thousands point', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(1234.5, 2)).toBe('1.234,50');
    expect(formatNumber(0.514, 2)).toBe('0,51');
    expect(formatNumber(80, 0)).toBe('80');
  });

  it('shows a value with its unit, and says when there is none', () => {
    expect(formatValue(0.51, 'per 1.000 inwoners', 2)).toBe('0,51 per 1.000 inwoners');
    expect(formatValue(80, '%', 0)).toBe('80%');
    expect(formatValue(12, '', 0)).toBe('12');
    expect(formatValue(null, '%', 0)).toBe('geen waarde');
  });

  it('signs changes', () => {
    expect(formatDelta(-0.05, 2)).toBe('-0,05');
    expect(formatDelta(4, 0)).toBe('+4');
    expect(formatDelta(0, 0)).toBe('0');
    expect(formatPercentChange(-8.9286)).toBe('-8,9%');
  });

  it('says periods the way a reader does', () => {
    expect(formatPeriod('2025-Q3')).toBe('3e kwartaal 2025');
    expect(formatPeriod('2025-03')).toBe('maart 2025');
    expect(formatPeriod('2025')).toBe('2025');
    expect(formatPeriodShort('2025-Q3')).toBe('K3 2025');
    expect(formatPeriodShort('2025-03')).toBe('mrt 2025');
  });

  it('writes days and moments in Dutch, in Amsterdam time', () => {
    expect(formatDate('2025-12-31')).toBe('31 december 2025');
    expect(formatDate('2026-11-30T23:30:00Z')).toBe('1 december 2026');
    expect(formatDateTime('2026-11-30T08:00:00.000Z')).toBe('30 november 2026 om 09:00');
  });
});
