import { describe, expect, it } from 'vitest';
import { storedIndicator } from '../../testing/index';
import { buildIndicatorCsv, periodLabel } from './indicator-csv.export';

describe('buildIndicatorCsv', () => {
  it('writes one row per period with value, target, baseline and every member', () => {
    const csv = buildIndicatorCsv(
      storedIndicator({
        municipalityId: 'uithoorn',
        id: 'winkeldiefstallen',
        unit: 'per 1.000 inwoners',
        values: [
          { period: '2025-Q3', value: 0.56 },
          { period: '2025-Q4', value: -0.51 },
        ],
        targets: { '2025': 0.54 },
        baseline: { period: '2021', value: 0.64 },
        breakdown: {
          wijk: [
            { member: '=Centrum', period: '2025-Q4', value: 0.66 },
            { member: null, period: '2025-Q3', value: 0.1 },
          ],
        },
      }),
    );

    expect(csv?.split('\r\n')).toEqual([
      '\uFEFFPeriode;Periode (code);Waarde (per 1.000 inwoners);Streefwaarde;Nulmeting (2021);wijk: =Centrum;wijk: (onbekend)',
      '3e kwartaal 2025;2025-Q3;0,56;0,54;0,64;;0,1',
      '4e kwartaal 2025;2025-Q4;-0,51;0,54;0,64;0,66;',
      '',
    ]);
  });

  it('has nothing to write before the first computation', () => {
    expect(buildIndicatorCsv(storedIndicator({ municipalityId: 'uithoorn', id: 'x', values: [], isNeverComputed: true }))).toBeNull();
  });

  it('labels periods the Dutch way', () => {
    expect([periodLabel('2025'), periodLabel('2025-Q3'), periodLabel('2025-03')]).toEqual(['2025', '3e kwartaal 2025', 'maart 2025']);
  });
});
