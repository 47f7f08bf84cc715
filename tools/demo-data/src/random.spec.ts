import { describe, expect, it } from 'vitest';
import { SeededRandom } from './random';

const draw = (seed: string, count: number) => {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, () => random.next());
};

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    expect(draw('uithoorn/misdrijven', 5)).toEqual(draw('uithoorn/misdrijven', 5));
    expect(draw('uithoorn/misdrijven', 5)).not.toEqual(draw('diemen/misdrijven', 5));
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const values = draw('uniform', 20_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((sum, value) => sum + value, 0) / values.length).toBeCloseTo(0.5, 1);
  });

  it('draws Poisson counts around their mean, for small and large means', () => {
    const random = new SeededRandom('poisson');
    for (const mean of [0.5, 4, 12, 250]) {
      const counts = Array.from({ length: 4000 }, () => random.poisson(mean));
      const average = counts.reduce((sum, count) => sum + count, 0) / counts.length;
      expect(Math.abs(average - mean) / mean, `mean ${mean}`).toBeLessThan(0.06);
      expect(counts.every((count) => Number.isInteger(count) && count >= 0)).toBe(true);
    }
    expect(random.poisson(0)).toBe(0);
  });
});
