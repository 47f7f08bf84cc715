import type { KoersClient } from '../api/koers-client';

/**
 * Waits until a computation that covers the indicator and started at or
 * after `savedAt` (the server's clock, so it read the saved file) has
 * finished, asking every `intervalMs`, at most `timeoutMs`; then resolves
 * either way (the indicator page says how it ended).
 */
export async function waitForComputation(client: KoersClient, municipalityId: string, indicatorId: string, savedAt: string, intervalMs = 1_000, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const records = await client.computations.list.query({ municipalityId, limit: 10 });
    const isDone = records.some(
      (record) =>
        record.finishedAt !== null &&
        record.startedAt >= savedAt &&
        (record.indicatorIds == null || record.indicatorIds.includes(indicatorId)),
    );
    if (isDone) return;
    await new Promise((wait) => setTimeout(wait, intervalMs));
  }
}
