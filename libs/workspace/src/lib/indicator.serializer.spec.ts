import type { IndicatorDraft } from '@koers/domain';
import { describe, expect, it } from 'vitest';
import { linkIndicatorToEffect } from './effect-link.writer';
import { readIndicatorDraft, writeIndicatorYaml } from './indicator.serializer';
import { cleanFiles } from './workspace.fixture';
import { parseWorkspace } from './workspace.parser';

const draft: IndicatorDraft = {
  id: 'fietsendiefstallen',
  title: 'Fietsendiefstallen',
  unit: 'aantal',
  direction: 'lower_is_better',
  grain: 'quarter',
  source: 'misdrijven',
  time: 'pleegdatum',
  measure: 'count(*)',
  filter: "soort = 'fietsendiefstal'",
  dimensions: ['wijk'],
  targets: [
    { year: '2025', value: '12' },
    { year: '2026', value: 10.5 },
  ],
  tolerance: '0,15',
  decimals: 0,
};

const existing = [
  '# Door het datateam bijgehouden.',
  'title: Winkeldiefstallen',
  'unit: aantal # per kwartaal',
  'direction: lower_is_better',
  'grain: quarter',
  'source: misdrijven',
  'time: pleegdatum',
  'measure: count(*)',
  'dimensions: [wijk]',
  'targets: { "2025": 2 }',
  '',
].join('\n');

describe('writing an indicator file', () => {
  it('writes a new file in the order of the format, numbers as numbers, that the loader accepts', () => {
    const text = writeIndicatorYaml(draft, null);
    expect(text).toBe(
      [
        'title: Fietsendiefstallen',
        'unit: aantal',
        'direction: lower_is_better',
        'grain: quarter',
        'source: misdrijven',
        'time: pleegdatum',
        'measure: count(*)',
        "filter: soort = 'fietsendiefstal'",
        'dimensions:',
        '  - wijk',
        'targets:',
        '  "2025": 12',
        '  "2026": 10.5',
        'tolerance: 0.15',
        'decimals: 0',
        '',
      ].join('\n'),
    );
    const { workspace, problems } = parseWorkspace('/w', [...cleanFiles, { path: 'indicators/fietsendiefstallen.yaml', text }]);
    expect(problems).toEqual([]);
    expect(workspace.indicators.find((indicator) => indicator.id === 'fietsendiefstallen')).toMatchObject({ targets: { '2025': 12, '2026': 10.5 }, tolerance: 0.15 });
  });

  it('changes only what changed in an existing file, keeping its comments and style', () => {
    const current = readIndicatorDraft('winkeldiefstallen', existing);
    expect(writeIndicatorYaml(current, existing)).toBe(existing);
    const edited = writeIndicatorYaml({ ...current, filter: "soort = 'winkeldiefstal'", targets: [{ year: '2025', value: 2 }, { year: '2026', value: 1.8 }] }, existing);
    expect(edited).toBe(
      existing
        .replace('measure: count(*)\n', "measure: count(*)\nfilter: soort = 'winkeldiefstal'\n")
        .replace('[wijk]', '[ wijk ]')
        .replace('targets: { "2025": 2 }', 'targets: { "2025": 2, "2026": 1.8 }'),
    );
  });

  it('writes a wrong value as it is, so the loader names the field', () => {
    const text = writeIndicatorYaml({ ...draft, decimals: 'twee', targets: [{ year: '25', value: 3 }] }, null);
    const { problems } = parseWorkspace('/w', [...cleanFiles, { path: 'indicators/fietsendiefstallen.yaml', text }]);
    expect(problems.map((problem) => problem.field)).toEqual(['targets.25', 'decimals']);
  });

  it('reads a file into the form, whatever is wrong in it', () => {
    expect(readIndicatorDraft('x', 'title: [unclosed')).toMatchObject({ id: 'x', title: '', measure: '' });
    expect(readIndicatorDraft('x', 'title: T\nper: { source: b, time: t, measure: sum(n) }\nbaseline: { period: 2021, value: 3 }')).toMatchObject({
      per: { source: 'b', time: 't', measure: 'sum(n)' },
      baseline: { period: '2021', value: 3 },
    });
  });
});

describe('linking an indicator to an effect', () => {
  const program = ['# Programma', 'title: Veiligheid', 'effects:', '  - id: veilig', '    title: Veilig # kort', '    indicators: [a]', '  - id: leeg', '    title: Leeg', ''].join('\n');

  it('adds it to the list and changes nothing else', () => {
    expect(linkIndicatorToEffect(program, 'veilig', 'b')).toEqual({ kind: 'written', isChanged: true, text: program.replace('indicators: [a]', 'indicators: [ a, b ]') });
    expect(linkIndicatorToEffect(program, 'leeg', 'b')).toEqual({
      kind: 'written',
      isChanged: true,
      text: `${program.replace('indicators: [a]', 'indicators: [ a ]')}    indicators: [ b ]\n`,
    });
    expect(linkIndicatorToEffect(program, 'veilig', 'a')).toEqual({ kind: 'written', isChanged: false, text: program });
  });

  it('refuses an effect the program does not have', () => {
    expect(linkIndicatorToEffect(program, 'onbekend', 'b')).toMatchObject({ kind: 'refused', message: expect.stringContaining('geen effect "onbekend"') });
  });
});
