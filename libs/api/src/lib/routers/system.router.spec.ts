import { describe, expect, it } from 'vitest';
import { sampleCaller } from './router.testing';

describe('system.info', () => {
  it('tells the dashboard whether the figures are demo data', async () => {
    expect(await sampleCaller().caller.system.info()).toEqual({ mode: 'demo', identityProvider: null });
    expect(await sampleCaller({ mode: 'production', identityProvider: { label: 'Gemeenteaccount' } }).caller.system.info()).toEqual({
      mode: 'production',
      identityProvider: { label: 'Gemeenteaccount' },
    });
  });
});

describe('an unexpected error inside a procedure', () => {
  it('is reported with an id, and leaves as INTERNAL_SERVER_ERROR that shows only the id', async () => {
    const { caller, catalog, reported } = sampleCaller();
    catalog.failure = new Error('connection to /var/lib/koers.duckdb lost');

    const error = await caller.municipalities.list().catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect(String((error as Error).message)).not.toContain('duckdb');
    expect(reported).toHaveLength(1);
    expect((error as Error).message).toContain(`foutcode ${reported[0]?.errorId}`);
    expect(reported[0]?.error).toMatchObject({ message: 'connection to /var/lib/koers.duckdb lost' });
  });
});
