/** The kinds of crime in the benchmark event source. */
export const benchCrimeKinds = [
  'winkeldiefstal',
  'geweldsmisdrijf',
  'diefstal_uit_woning',
  'vernieling',
  'fietsdiefstal',
  'autokraak',
  'oplichting',
  'drugshandel',
] as const;

/** An indicator of the benchmark workspace, as written to `indicators/<id>.yaml`. */
export interface BenchIndicator {
  readonly id: string;
  readonly body: Record<string, unknown>;
}

const perInhabitants = (scale: number) => ({ source: 'bevolking', time: 'peildatum', measure: 'sum(inwoners)', scale });

/**
 * The `index`-th benchmark indicator. Six shapes take turns, so any M covers
 * filters, denominators, dimensions and all three grains once M ≥ 6.
 */
export function benchIndicator(index: number): BenchIndicator {
  const kind = benchCrimeKinds[index % benchCrimeKinds.length] ?? 'vernieling';
  const number = String(index + 1).padStart(3, '0');
  const common = { source: 'incidenten', time: 'pleegdatum', baseline: { period: '2021', value: 1 }, targets: { '2025': 1, '2026': 0.9 } };
  switch (index % 6) {
    case 0:
      return {
        id: `i${number}-${kind}-per-inwoner`,
        body: { title: `${kind} per 1.000 inwoners`, unit: 'per 1.000 inwoners', direction: 'lower_is_better', grain: 'quarter', ...common,
          measure: 'count(*)', filter: `soort = '${kind}'`, per: perInhabitants(1000), dimensions: ['wijk'] },
      };
    case 1:
      return {
        id: `i${number}-incidenten-per-maand`,
        body: { title: 'Incidenten per maand', unit: 'aantal', direction: 'lower_is_better', grain: 'month', ...common,
          measure: 'count(*)', dimensions: ['wijk', 'soort'] },
      };
    case 2:
      return {
        id: `i${number}-schade-${kind}`,
        body: { title: `Gemiddelde schade ${kind}`, unit: 'euro', direction: 'lower_is_better', grain: 'quarter', ...common,
          measure: 'avg(schade_euro)', filter: `soort = '${kind}' AND schade_euro > 0`, dimensions: ['categorie'] },
      };
    case 3:
      return {
        id: `i${number}-afgehandeld`,
        body: { title: 'Afgehandeld binnen termijn', unit: '%', direction: 'higher_is_better', grain: 'year', ...common,
          measure: '100.0 * avg(CASE WHEN afgehandeld THEN 1 ELSE 0 END)', dimensions: ['wijk'] },
      };
    case 4:
      return {
        id: `i${number}-schade-per-inwoner`,
        body: { title: 'Schade per inwoner', unit: 'euro per inwoner', direction: 'lower_is_better', grain: 'quarter', ...common,
          measure: 'sum(schade_euro)', per: perInhabitants(1) },
      };
    default:
      return {
        id: `i${number}-${kind}-jongeren`,
        body: { title: `${kind} per 1.000 jongeren`, unit: 'per 1.000 jongeren', direction: 'lower_is_better', grain: 'month', ...common,
          measure: 'count(*)', filter: `soort IN ('${kind}', 'vernieling') AND leeftijd_dader < 25`,
          per: { source: 'bevolking', time: 'peildatum', measure: 'sum(jongeren)', scale: 1000 }, dimensions: ['wijk'] },
      };
  }
}
