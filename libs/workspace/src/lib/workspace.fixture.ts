import type { WorkspaceFile } from './workspace.parser';

/** A small clean workspace for tests: two sources, one indicator, one program. */
export const cleanFiles: readonly WorkspaceFile[] = [
  { path: 'koers.yaml', text: 'municipality: Uithoorn\n' },
  {
    path: 'sources/misdrijven.yaml',
    text: ['title: Geregistreerde misdrijven', 'path: data/misdrijven.csv', 'columns:', '  pleegdatum: date', '  wijk: varchar', ''].join('\n'),
  },
  {
    path: 'sources/bevolking.yaml',
    text: ['title: Bevolking', 'path: data/bevolking.parquet', ''].join('\n'),
  },
  {
    path: 'indicators/winkeldiefstallen.yaml',
    text: [
      'title: Winkeldiefstallen per 1.000 inwoners',
      'unit: per 1.000 inwoners',
      'direction: lower_is_better',
      'grain: quarter',
      'source: misdrijven',
      'time: pleegdatum',
      'measure: count(*)',
      "filter: soort = 'winkeldiefstal'",
      'per:',
      '  source: bevolking',
      '  time: peildatum',
      '  measure: sum(inwoners)',
      '  scale: 1000',
      'dimensions: [wijk]',
      'targets: { 2025: 2.0, "2026": 1.8 }',
      '',
    ].join('\n'),
  },
  {
    path: 'programs/bestuur.yaml',
    text: [
      'title: Bestuur en organisatie',
      'portfolioHolders: [E. Boog]',
      'effects:',
      '  - id: veilig',
      '    title: Een veilige gemeente',
      '    indicators: [winkeldiefstallen]',
      'tasks:',
      '  - id: allianties',
      '    title: Investeer in de allianties met de omgeving',
      '    effects: [veilig]',
      '    actions:',
      '      - id: bestuurskrachtonderzoek',
      '        title: Uitwerken bestuurskrachtonderzoek',
      '        kind: new',
      '        priority: basis',
      '        start: 2021-01-01',
      '        due: 2021-12-31',
      '',
    ].join('\n'),
  },
];

/** The clean workspace with some files replaced or added (same path replaces). */
export function withFiles(...changes: WorkspaceFile[]): WorkspaceFile[] {
  const paths = new Set(changes.map((change) => change.path));
  return [...cleanFiles.filter((file) => !paths.has(file.path)), ...changes];
}

/** The clean workspace without the given files. */
export function withoutFiles(...paths: string[]): WorkspaceFile[] {
  return cleanFiles.filter((file) => !paths.includes(file.path));
}
