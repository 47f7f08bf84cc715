import { describe, expect, it } from 'vitest';
import { sampleViewer } from '../../testing/index';
import { sampleCaller } from './router.testing';

describe('overview.get', () => {
  it('gives per program its effects with the status, value and trend of their indicators', async () => {
    const { caller } = sampleCaller();
    const overview = await caller.overview.get({ municipalityId: 'uithoorn' });

    expect(overview.municipality).toEqual({ id: 'uithoorn', name: 'Uithoorn' });
    expect(overview.programs.map((program) => program.id)).toEqual(['bestuur-en-organisatie', 'veiligheid']);
    const safety = overview.programs[1];
    expect(safety?.effects[0]?.indicators.map((indicator) => [indicator.id, indicator.status, indicator.latest?.value])).toEqual([
      ['winkeldiefstallen', 'on_track', 0.51],
      ['vernielingen', 'off_track', 1.82],
    ]);
    const winkeldiefstallen = safety?.effects[0]?.indicators[0];
    expect(winkeldiefstallen?.previous?.period).toBe('2025-Q3');
    expect(winkeldiefstallen?.previous?.delta).toBeCloseTo(-0.05, 12);
    // Lower is better, and it went down.
    expect(winkeldiefstallen?.movement).toBe('better');
    expect(winkeldiefstallen?.recent).toHaveLength(4);
    expect(overview.indicatorStatus).toEqual({ on_track: 1, at_risk: 1, off_track: 1, no_target: 0, no_data: 0 });
  });

  it('says which indicators changed status since the end of the previous quarter', async () => {
    const { caller } = sampleCaller();
    const overview = await caller.overview.get({ municipalityId: 'uithoorn' });

    expect(overview.dataQuarter).toEqual({ current: '2025-Q4', previous: '2025-Q3' });
    expect(overview.changes).toEqual([
      {
        indicatorId: 'winkeldiefstallen',
        title: 'Winkeldiefstallen per 1.000 inwoners',
        programId: 'veiligheid',
        programTitle: 'Veiligheid',
        from: 'at_risk',
        to: 'on_track',
      },
    ]);
  });

  it('counts the actions of this quarter by status, and those without an update as not reported', async () => {
    const { caller } = sampleCaller();
    const overview = await caller.overview.get({ municipalityId: 'uithoorn' });

    expect(overview.progressQuarter).toBe('2026-Q4');
    expect(overview.programs[0]).toMatchObject({
      taskCount: 2,
      actionCount: 2,
      actionStatus: { delayed: 1, not_reported: 1, on_schedule: 0, done: 0, not_started: 0, cancelled: 0 },
    });
  });

  it('carries the error of an indicator the latest computation failed on, and the age of its values', async () => {
    const { caller } = sampleCaller();
    const overview = await caller.overview.get({ municipalityId: 'uithoorn' });
    const vernielingen = overview.programs[1]?.effects[0]?.indicators[1];

    expect(vernielingen?.problem).toEqual({
      message: 'data/misdrijven.csv: column "soort" is missing',
      file: 'sources/misdrijven.yaml',
      line: null,
      field: null,
      failedAt: '2026-11-30T09:00:00.000Z',
      valuesComputedAt: '2026-11-30T08:00:00.000Z',
    });
  });

  it('says the municipality is still calculating until the first results exist', async () => {
    const { caller, catalog } = sampleCaller();
    catalog.contents = {
      ...catalog.contents,
      indicators: {},
      history: {
        uithoorn: {
          latest: { ...(catalog.contents.history?.['uithoorn']?.latest ?? never()), status: 'running', finishedAt: null },
          lastFinished: null,
        },
      },
    };
    const overview = await caller.overview.get({ municipalityId: 'uithoorn' });

    expect(overview.computation).toEqual({ state: 'running', hasResults: false, lastFinishedAt: null, error: null });
    expect(overview.dataQuarter).toBeNull();
    expect(overview.programs[1]?.effects[0]?.indicators).toEqual([]);
  });

  it('answers FORBIDDEN for a municipality without a grant, NOT_FOUND for one granted but not served, BAD_REQUEST for a malformed id', async () => {
    const { caller } = sampleCaller();
    await expect(caller.overview.get({ municipalityId: 'amsterdam' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const granted = sampleCaller({ viewer: sampleViewer('college', ['amsterdam']) }).caller;
    await expect(granted.overview.get({ municipalityId: 'amsterdam' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Gemeente "amsterdam" bestaat niet in deze installatie.',
    });
    await expect(caller.overview.get({ municipalityId: 'Not An Id' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

function never(): never {
  throw new Error('the sample installation has a computation for Uithoorn');
}
