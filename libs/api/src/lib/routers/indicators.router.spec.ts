import { describe, expect, it } from 'vitest';
import { sampleCaller } from './router.testing';

describe('indicators.get', () => {
  it('gives the series with trends, the targets, the baseline and where the indicator is used', async () => {
    const { caller } = sampleCaller();
    const detail = await caller.indicators.get({ municipalityId: 'uithoorn', indicatorId: 'winkeldiefstallen' });

    expect(detail.series.map((value) => [value.period, value.value])).toEqual([
      ['2025-Q1', 0.61],
      ['2025-Q2', 0.58],
      ['2025-Q3', 0.56],
      ['2025-Q4', 0.51],
    ]);
    expect(detail.series[3]?.previous).toMatchObject({ period: '2025-Q3', value: 0.56 });
    expect(detail.targets).toEqual([{ year: '2025', value: 0.54 }]);
    expect(detail.baseline).toEqual({ period: '2021', value: 0.64 });
    expect(detail.usedBy).toEqual([
      { programId: 'veiligheid', programTitle: 'Veiligheid', effectId: 'minder-criminaliteit', effectTitle: 'Minder winkeldiefstal en vernielingen' },
    ]);
    expect(detail.definition).toMatchObject({ file: 'indicators/winkeldiefstallen.yaml', sourceId: 'misdrijven', dimensions: ['wijk'] });
    expect(detail.lineage?.sources[0]).toMatchObject({ sourceId: 'misdrijven', title: 'Geregistreerde misdrijven', version: 3, rowCount: 1234 });
    expect(detail.lineage?.sql).toContain('source_misdrijven');
  });

  it('breaks down the latest period by default, and the period asked for', async () => {
    const { caller } = sampleCaller();
    const latest = await caller.indicators.get({ municipalityId: 'uithoorn', indicatorId: 'winkeldiefstallen' });
    expect(latest.breakdownPeriods).toEqual(['2025-Q3', '2025-Q4']);
    expect(latest.breakdownPeriod).toBe('2025-Q4');
    expect(latest.breakdown).toEqual([
      {
        dimension: 'wijk',
        members: [
          { member: 'Centrum', value: 0.66 },
          { member: 'Thamerdal', value: 0.42 },
          { member: null, value: 0.1 },
        ],
      },
    ]);

    const earlier = await caller.indicators.get({ municipalityId: 'uithoorn', indicatorId: 'winkeldiefstallen', period: '2025-Q3' });
    expect(earlier.breakdownPeriod).toBe('2025-Q3');
    expect(earlier.breakdown[0]?.members).toEqual([{ member: 'Centrum', value: 0.7 }]);
  });

  it('answers NOT_FOUND for an unknown indicator and BAD_REQUEST for a malformed period', async () => {
    const { caller } = sampleCaller();
    await expect(caller.indicators.get({ municipalityId: 'uithoorn', indicatorId: 'bestaat-niet' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Indicator "bestaat-niet" bestaat niet in Uithoorn.',
    });
    await expect(caller.indicators.get({ municipalityId: 'uithoorn', indicatorId: 'winkeldiefstallen', period: '2025-Q5' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});

describe('indicators.compare and indicators.comparable', () => {
  it('puts one indicator of every municipality that has it side by side, by name', async () => {
    const { caller } = sampleCaller();
    const comparison = await caller.indicators.compare({ indicatorId: 'winkeldiefstallen' });

    expect(comparison.title).toBe('Winkeldiefstallen per 1.000 inwoners');
    expect(comparison.municipalities.map((entry) => [entry.municipality.name, entry.summary.latest?.value, entry.summary.status])).toEqual([
      ['Hilversum', 0.97, 'off_track'],
      ['Uithoorn', 0.51, 'on_track'],
    ]);
    expect(comparison.municipalities[0]?.values).toHaveLength(4);
  });

  it('lists what two or more municipalities define', async () => {
    const { caller } = sampleCaller();
    expect(await caller.indicators.comparable()).toEqual([
      { id: 'winkeldiefstallen', title: 'Winkeldiefstallen per 1.000 inwoners', unit: 'per 1.000 inwoners', isBbv: true, municipalityCount: 2 },
    ]);
    await expect(caller.indicators.compare({ indicatorId: 'onbekend' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
