import { describe, expect, it } from 'vitest';
import { InMemoryCatalog, sampleCatalogContents } from '../../testing/index';
import type { ApiContext } from '../context';
import { readIndicatorCsv, readIndicatorsExport } from './read-exports';

function context(): ApiContext {
  return { catalog: new InMemoryCatalog(sampleCatalogContents()), mode: 'demo' };
}

describe('the plain exports', () => {
  it('answers the contract JSON from the stored results, failed indicators with their last good values and their error', async () => {
    const answer = await readIndicatorsExport(context(), 'uithoorn');
    expect(answer.kind).toBe('found');
    if (answer.kind !== 'found') return;
    expect(answer.body.indicators.map((indicator) => Object.keys(indicator))).toEqual(
      Array(3).fill(['id', 'status', 'latest', 'target', 'values', 'breakdown']),
    );
    expect(answer.body.indicators.map((indicator) => [indicator.id, indicator.latest?.value])).toEqual([
      ['winkeldiefstallen', 0.51],
      ['vernielingen', 1.82],
      ['woo-binnen-termijn', 80],
    ]);
    expect(answer.body.errors).toEqual([{ file: 'sources/misdrijven.yaml', message: 'data/misdrijven.csv: column "soort" is missing' }]);
  });

  it('says not found for a municipality or indicator that is not there, and not ready before the first computation', async () => {
    const ctx = context();
    expect(await readIndicatorsExport(ctx, 'amsterdam')).toMatchObject({ kind: 'not_found' });
    expect(await readIndicatorsExport(ctx, '../etc')).toMatchObject({ kind: 'not_found' });
    expect(await readIndicatorCsv(ctx, 'uithoorn', 'bestaat-niet')).toMatchObject({ kind: 'not_found' });

    const empty: ApiContext = { catalog: new InMemoryCatalog({ municipalities: [{ id: 'diemen', name: 'Diemen' }] }), mode: 'demo' };
    expect(await readIndicatorsExport(empty, 'diemen')).toMatchObject({ kind: 'not_ready' });
  });

  it('answers the CSV of one indicator', async () => {
    const answer = await readIndicatorCsv(context(), 'uithoorn', 'winkeldiefstallen');
    expect(answer).toMatchObject({ kind: 'found', body: expect.stringContaining('4e kwartaal 2025;2025-Q4;0,51;0,54;0,64;0,66;0,42;0,1') });
  });
});
