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

describe('an unexpected error inside a procedure', () => {
  it('is reported with an id, and leaves as INTERNAL_SERVER_ERROR that shows only the id', async () => {
    const reported: { errorId: string; error: unknown }[] = [];
    const failing: ProgramCatalog = {
      listMunicipalities: async () => {
        throw new Error('connection to /var/lib/koers.duckdb lost');
      },
      listPrograms: async () => [],
    };
    const failingCaller = createCallerFactory(appRouter)({
      catalog: failing,
      reportInternalError: (errorId, error) => reported.push({ errorId, error }),
    });

    const error = await failingCaller.municipalities.list().catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect(String((error as Error).message)).not.toContain('duckdb');
    expect(reported).toHaveLength(1);
    expect((error as Error).message).toContain(`foutcode ${reported[0]?.errorId}`);
    expect(reported[0]?.error).toMatchObject({ message: 'connection to /var/lib/koers.duckdb lost' });
  });
});
