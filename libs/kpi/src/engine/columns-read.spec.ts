import type { IndicatorDefinition } from '@koers/domain';
import { describe, expect, it } from 'vitest';
import { columnsReadBy } from './columns-read';

const indicator: IndicatorDefinition = {
  id: 'winkeldiefstallen',
  title: 'Winkeldiefstallen',
  unit: 'per 1.000 inwoners',
  direction: 'lower_is_better',
  grain: 'quarter',
  source: 'misdrijven',
  time: 'pleegdatum',
  measure: 'count(*) FILTER (WHERE "Ernst" > 2)',
  filter: "SOORT = 'winkeldiefstal' AND wijk IS NOT NULL",
  per: { source: 'bevolking', time: 'peildatum', measure: 'sum(inwoners)', scale: 1000 },
  dimensions: ['wijk'],
  tolerance: 0.1,
  targets: {},
  bbv: false,
};

describe('columnsReadBy', () => {
  it('finds every column an indicator reads from its source, field by field', () => {
    expect(columnsReadBy(indicator, 'misdrijven', ['pleegdatum', 'soort', 'wijk', 'Ernst', 'ernst', 'dader'])).toEqual([
      { indicatorId: 'winkeldiefstallen', column: 'pleegdatum', field: 'time' },
      { indicatorId: 'winkeldiefstallen', column: 'Ernst', field: 'measure' },
      { indicatorId: 'winkeldiefstallen', column: 'soort', field: 'filter' },
      { indicatorId: 'winkeldiefstallen', column: 'wijk', field: 'filter' },
      { indicatorId: 'winkeldiefstallen', column: 'wijk', field: 'dimensions[0]' },
    ]);
  });

  it('reads the denominator source through per, with the dimensions matched by name there', () => {
    expect(columnsReadBy(indicator, 'bevolking', ['peildatum', 'inwoners', 'wijk', 'soort'])).toEqual([
      { indicatorId: 'winkeldiefstallen', column: 'peildatum', field: 'per.time' },
      { indicatorId: 'winkeldiefstallen', column: 'inwoners', field: 'per.measure' },
      { indicatorId: 'winkeldiefstallen', column: 'wijk', field: 'dimensions[0]' },
    ]);
  });

  it('reads nothing from a source the indicator does not use, and no string literal as a column', () => {
    expect(columnsReadBy(indicator, 'meldingen', ['pleegdatum'])).toEqual([]);
    expect(columnsReadBy(indicator, 'misdrijven', ['winkeldiefstal'])).toEqual([]);
  });
});
