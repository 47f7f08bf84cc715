import { describe, expect, it } from 'vitest';
import { ReadModelCache } from '../read-model-cache';
import { sampleCaller } from './router.testing';

describe('programs', () => {
  it('lists the programs of a municipality in budget order', async () => {
    const { caller } = sampleCaller();
    const programs = await caller.programs.list({ municipalityId: 'uithoorn' });
    expect(programs.map((program) => program.title)).toEqual(['Bestuur en organisatie', 'Veiligheid']);
  });

  it('gives one program with its vision, documents, indicator cards and the latest progress of its actions', async () => {
    const { caller } = sampleCaller();
    const detail = await caller.programs.get({ municipalityId: 'uithoorn', programId: 'bestuur-en-organisatie' });

    expect(detail.program.vision).toBe('De kracht van Uithoorn is de samenwerking met inwoners en partners.');
    expect(detail.program.policyDocuments).toEqual(['Bestuursakkoord 2022-2026']);
    expect(detail.program.tasks[0]?.actions[0]?.description).toContain('2. Bespreek de uitkomsten met de raad.');
    expect(detail.indicators.map((indicator) => [indicator.id, indicator.status, indicator.target])).toEqual([['woo-binnen-termijn', 'at_risk', 85]]);
    expect(Object.keys(detail.progress)).toEqual(['bestuurskrachtonderzoek']);
    expect(detail.progressQuarter).toBe('2026-Q4');
  });

  it('answers NOT_FOUND for a program the municipality does not have', async () => {
    const { caller } = sampleCaller();
    await expect(caller.programs.get({ municipalityId: 'uithoorn', programId: 'sport' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Programma "sport" bestaat niet in de begroting van Uithoorn.',
    });
  });

  it('reads the catalog once while the data version stays, and again after it changes', async () => {
    let version = 1;
    const { caller, catalog } = sampleCaller({ cache: new ReadModelCache(() => version) });
    await caller.programs.get({ municipalityId: 'uithoorn', programId: 'veiligheid' });
    const readsAfterFirst = catalog.reads.length;
    await caller.programs.get({ municipalityId: 'uithoorn', programId: 'veiligheid' });
    expect(catalog.reads.length).toBe(readsAfterFirst);

    version = 2;
    await caller.programs.get({ municipalityId: 'uithoorn', programId: 'veiligheid' });
    expect(catalog.reads.length).toBeGreaterThan(readsAfterFirst);
  });
});
