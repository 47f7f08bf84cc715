import { demoYears } from './calendar';
import { type GeneratedTable } from './generated-file';
import { type MunicipalityProfile, type WijkProfile } from './municipality-profile';

/** The population of a wijk on 1 January of a year. */
export interface WijkPopulation {
  readonly inwoners: number;
  readonly jongeren_0_17: number;
  readonly leerplichtigen_5_17: number;
  readonly inwoners_15_64: number;
  readonly inwoners_15_74: number;
  readonly woningen: number;
}

/**
 * The population model, without noise: every other generator scales its counts
 * by it, so rates come out near the profile's levels.
 */
export function populationOf(profile: MunicipalityProfile, wijk: WijkProfile, year: number): WijkPopulation {
  const inwoners = Math.round(wijk.inhabitants * (1 + wijk.growth) ** (year - 2021));
  const jongeren = Math.round(inwoners * wijk.youthShare);
  return {
    inwoners,
    jongeren_0_17: jongeren,
    leerplichtigen_5_17: Math.round(jongeren * 0.72),
    inwoners_15_64: Math.round(inwoners * (0.66 - (wijk.youthShare - 0.19) * 0.8)),
    inwoners_15_74: Math.round(inwoners * (0.76 - (wijk.youthShare - 0.19) * 0.8)),
    woningen: Math.round(inwoners / profile.householdSize),
  };
}

/** `bevolking.csv`: one row per wijk per 1 January 2021..2025 (the peildatum the as-of rule matches). */
export function generatePopulation(profile: MunicipalityProfile): GeneratedTable {
  const rows = demoYears.flatMap((year) =>
    profile.wijken.map((wijk) => ({ peildatum: `${year}-01-01`, wijk: wijk.name, ...populationOf(profile, wijk, year) })),
  );
  return {
    path: 'data/bevolking.csv',
    columns: ['peildatum', 'wijk', 'inwoners', 'jongeren_0_17', 'leerplichtigen_5_17', 'inwoners_15_64', 'inwoners_15_74', 'woningen'],
    rows,
  };
}
