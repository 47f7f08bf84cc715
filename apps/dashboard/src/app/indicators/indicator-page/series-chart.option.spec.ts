import { sampleCatalogContents } from '@koers/api/testing';
import type { IndicatorDetail } from '@koers/domain';
import { TestBed } from '@angular/core/testing';
import { describe, expect, it } from 'vitest';
import { inMemoryKoers } from '../../testing/in-memory-koers';
import { breakdownChartOption } from './breakdown-chart.option';
import { seriesChartOption } from './series-chart.option';

async function winkeldiefstallen(): Promise<IndicatorDetail> {
  const koers = inMemoryKoers({ contents: sampleCatalogContents() });
  TestBed.configureTestingModule({ providers: [koers.providers] });
  return koers.client.indicators.get.query({ municipalityId: 'uithoorn', indicatorId: 'winkeldiefstallen' });
}

describe('seriesChartOption', () => {
  it('draws the values, the target of each year and the baseline, each named, over Dutch period labels', async () => {
    const option = seriesChartOption(await winkeldiefstallen());
    const series = Array.isArray(option.series) ? option.series : [];

    expect(series.map((line) => [line.name, line.data])).toEqual([
      ['Waarde', [0.61, 0.58, 0.56, 0.51]],
      ['Streefwaarde', [0.54, 0.54, 0.54, 0.54]],
      ['Nulmeting (2021)', [0.64, 0.64, 0.64, 0.64]],
    ]);
    expect(option.xAxis).toMatchObject({ data: ['K1 2025', 'K2 2025', 'K3 2025', 'K4 2025'] });
  });
});

describe('breakdownChartOption', () => {
  it('draws a bar per member, top to bottom as listed, the member without a name as "Onbekend"', async () => {
    const detail = await winkeldiefstallen();
    const [wijk] = detail.breakdown;
    if (wijk === undefined) throw new Error('winkeldiefstallen has a breakdown per wijk');
    const option = breakdownChartOption(wijk, detail.summary.unit, detail.summary.decimals);

    // ECharts draws a category axis bottom-up: reversed, the first member is on top.
    expect(option.yAxis).toMatchObject({ data: ['Onbekend', 'Thamerdal', 'Centrum'] });
    expect(Array.isArray(option.series) ? option.series[0]?.data : undefined).toEqual([0.1, 0.42, 0.66]);
  });
});
