import { describe, expect, it } from 'vitest';
import { duckdbMemoryLimitWithin, parseMemorySize } from './memory-size';

describe('memory sizes', () => {
  it('reads sizes as DuckDB does, and says how to write one it cannot read', () => {
    expect(parseMemorySize('2GB')).toBe(2_000_000_000);
    expect(parseMemorySize('512MiB')).toBe(512 * 1024 ** 2);
    expect(parseMemorySize('8192 MiB')).toBe(8 * 1024 ** 3);
    expect(parseMemorySize('1.5gib')).toBe(1.5 * 1024 ** 3);
    for (const text of ['', 'veel', '2 GBs', '-1GB', '0MB']) {
      expect(() => parseMemorySize(text), text).toThrow(/is not a size: write it as DuckDB does, for example 2GB or 512MiB/);
    }
  });

  it("leaves room in the engine's process beside DuckDB's own limit: a quarter, at least 256 MiB, at most 1 GiB", () => {
    expect(duckdbMemoryLimitWithin(8 * 1024 ** 3)).toBe('7168MiB');
    expect(duckdbMemoryLimitWithin(2 * 1024 ** 3)).toBe('1536MiB');
    expect(duckdbMemoryLimitWithin(512 * 1024 ** 2)).toBe('256MiB');
    expect(duckdbMemoryLimitWithin(256 * 1024 ** 2)).toBe('128MiB');
  });
});
