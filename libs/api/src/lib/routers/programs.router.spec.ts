import { describe, expect, it } from 'vitest';
import type { ProgramCatalog, ProgramOverview } from '../program-catalog';
import { appRouter } from '../app.router';
import { createCallerFactory } from '../trpc';

const bestuur: ProgramOverview = {
  id: 'bestuur',
  municipalityId: 'uithoorn',
  title: 'Bestuur en organisatie',
  portfolioHolders: [],
  department: null,
  vision: null,
  policyDocuments: [],
  effects: [{ id: 'keuzes-met-effect', title: 'Keuzes die effect creëren', indicators: [] }],
  tasks: [],
};

/** A small catalog in memory: the routers' own logic is what is under test here. */
const catalog: ProgramCatalog = {
  listMunicipalities: async () => [{ id: 'uithoorn', name: 'Uithoorn' }],
  listPrograms: async (municipalityId) => (municipalityId === 'uithoorn' ? [bestuur] : []),
};

const caller = createCallerFactory(appRouter)({ catalog });

describe('programs router', () => {
  it('lists the programs of a municipality', async () => {
    const programs = await caller.programs.list({ municipalityId: 'uithoorn' });
    expect(programs.map((program) => program.title)).toEqual(['Bestuur en organisatie']);
  });

  it('answers NOT_FOUND, in Dutch, for a municipality that is not served', async () => {
    await expect(caller.programs.list({ municipalityId: 'amsterdam' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('amsterdam'),
    });
  });

  it('refuses a malformed id before touching the catalog', async () => {
    await expect(caller.programs.list({ municipalityId: 'Not An Id' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
