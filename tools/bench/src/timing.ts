/** Milliseconds `work` takes, with its result. */
export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; milliseconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, milliseconds: performance.now() - started };
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(numbers: readonly number[]): number {
  if (numbers.length === 0) throw new Error('median of no numbers');
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** One side of a timed comparison. */
export interface Contender {
  readonly name: string;
  readonly run: () => Promise<unknown>;
}

/**
 * Runs every contender `runs` times, rotating who goes first each round (so
 * none always runs on a cache the other warmed, or always after the other's
 * garbage), and returns each one's times in milliseconds by name.
 */
export async function alternate(contenders: readonly Contender[], runs: number): Promise<Map<string, number[]>> {
  const times = new Map<string, number[]>(contenders.map((contender) => [contender.name, []]));
  for (let round = 0; round < runs; round++) {
    const order = contenders.map((_, index) => contenders[(index + round) % contenders.length]);
    for (const contender of order) {
      if (contender === undefined) continue;
      const { milliseconds } = await timed(contender.run);
      times.get(contender.name)?.push(milliseconds);
    }
  }
  return times;
}

/** Milliseconds as seconds with two decimals, e.g. `1.23 s`. */
export function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(2)} s`;
}

/** A count per second, rounded and grouped, e.g. `1,234,567 rows/s`. */
export function perSecond(count: number, milliseconds: number, what: string): string {
  return `${Math.round((count * 1000) / milliseconds).toLocaleString('en-US')} ${what}/s`;
}
