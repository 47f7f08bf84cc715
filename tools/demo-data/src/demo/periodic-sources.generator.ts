import { type CsvValue } from '../csv.writer';
import { SeededRandom } from '../random';
import { demoYears, quarterEnd, quarterNumbers } from './calendar';
import { type GeneratedTable } from './generated-file';
import { levelIn, type MunicipalityProfile, type WijkProfile } from './municipality-profile';
import { populationOf, type WijkPopulation } from './population.generator';

/** Builds one row per wijk per quarter-end (the peildatum of a quarterly measurement). */
function quarterlyPerWijk(
  profile: MunicipalityProfile,
  row: (year: number, quarter: number, wijk: WijkProfile, population: WijkPopulation) => Record<string, CsvValue>,
): Record<string, CsvValue>[] {
  const rows: Record<string, CsvValue>[] = [];
  for (const year of demoYears)
    for (const quarter of quarterNumbers)
      for (const wijk of profile.wijken)
        rows.push({ peildatum: quarterEnd(year, quarter), wijk: wijk.name, ...row(year, quarter, wijk, populationOf(profile, wijk, year)) });
  return rows;
}

/** Fraction of the way through 2021..2025, for a smooth level within a year. */
const yearFraction = (year: number, quarter: number) => year + (quarter - 1) / 4;

/** `sociaal-domein.csv`: jeugdhulp, bijstand and Wmo clients per wijk at each quarter end (stocks). */
export function generateSocialDomain(profile: MunicipalityProfile): GeneratedTable {
  const random = new SeededRandom(`${profile.id}/sociaal-domein`);
  const { jeugdhulp, bijstand, wmo } = profile.trends;
  const rows = quarterlyPerWijk(profile, (year, quarter, wijk, population) => {
    const at = yearFraction(year, quarter);
    return {
      jongeren_met_jeugdhulp: Math.round(random.jitter((population.jongeren_0_17 * levelIn(jeugdhulp, at) * wijk.social) / 100, 0.04)),
      personen_met_bijstand: Math.round(random.jitter((population.inwoners * levelIn(bijstand, at) * wijk.social ** 1.5) / 10_000, 0.03)),
      clienten_wmo_maatwerk: Math.round(random.jitter((population.inwoners * levelIn(wmo, at) * (0.7 + 0.3 * wijk.social)) / 10_000, 0.03)),
    };
  });
  return {
    path: 'data/sociaal-domein.csv',
    columns: ['peildatum', 'wijk', 'jongeren_met_jeugdhulp', 'personen_met_bijstand', 'clienten_wmo_maatwerk'],
    rows,
  };
}

const wasteSeasons = [0.96, 1.0, 0.98, 1.06];

/** `afvalinzameling.csv`: kilograms of household waste collected per wijk per quarter. */
export function generateWasteCollection(profile: MunicipalityProfile): GeneratedTable {
  const random = new SeededRandom(`${profile.id}/afval`);
  const rows = quarterlyPerWijk(profile, (year, quarter, wijk, population) => {
    const season = wasteSeasons[quarter - 1] ?? 1;
    const residual = (population.inwoners * levelIn(profile.trends.restafval, yearFraction(year, quarter)) * season) / 4;
    return {
      restafval_kg: Math.round(random.jitter(residual * (0.8 + 0.2 * wijk.social), 0.04)),
      gft_kg: Math.round(random.jitter(residual * 0.55, 0.06)),
      papier_kg: Math.round(random.jitter(residual * 0.35, 0.05)),
    };
  });
  return { path: 'data/afvalinzameling.csv', columns: ['peildatum', 'wijk', 'restafval_kg', 'gft_kg', 'papier_kg'], rows };
}

/** `leerplicht.csv`: absolute truancy (a stock) and relative truancy reports (a flow) per wijk per quarter. */
export function generateCompulsoryEducation(profile: MunicipalityProfile): GeneratedTable {
  const random = new SeededRandom(`${profile.id}/leerplicht`);
  const schoolSeason = [1.1, 1.0, 0.6, 1.3];
  const rows = quarterlyPerWijk(profile, (year, quarter, wijk, population) => {
    const pupils = population.leerplichtigen_5_17 / 1000;
    return {
      absoluut_verzuim: random.poisson(pupils * levelIn(profile.trends.absoluutVerzuim, year) * wijk.social),
      relatief_verzuim_meldingen: random.poisson(
        (pupils * levelIn(profile.trends.relatiefVerzuim, year) * wijk.social * (schoolSeason[quarter - 1] ?? 1)) / 4,
      ),
    };
  });
  return { path: 'data/leerplicht.csv', columns: ['peildatum', 'wijk', 'absoluut_verzuim', 'relatief_verzuim_meldingen'], rows };
}

/** `arbeidsmarkt.csv`: working population and population aged 15-74 per wijk per quarter. */
export function generateLabourMarket(profile: MunicipalityProfile): GeneratedTable {
  const random = new SeededRandom(`${profile.id}/arbeidsmarkt`);
  const rows = quarterlyPerWijk(profile, (year, quarter, wijk, population) => {
    const share = levelIn(profile.trends.arbeidsparticipatie, yearFraction(year, quarter)) - (wijk.social - 1) * 8;
    return {
      bevolking_15_74: population.inwoners_15_74,
      werkzame_beroepsbevolking: Math.round(random.jitter((population.inwoners_15_74 * share) / 100, 0.008)),
    };
  });
  return { path: 'data/arbeidsmarkt.csv', columns: ['peildatum', 'wijk', 'bevolking_15_74', 'werkzame_beroepsbevolking'], rows };
}

/** `bedrijfsvoering.csv`: staff and costs of the municipal organisation per quarter (no wijk). */
export function generateOperations(profile: MunicipalityProfile): GeneratedTable {
  const random = new SeededRandom(`${profile.id}/bedrijfsvoering`);
  const rows: Record<string, CsvValue>[] = [];
  const { formatie, externeInhuur, overhead } = profile.trends;
  for (const year of demoYears)
    for (const quarter of quarterNumbers) {
      const inhabitants = profile.wijken.reduce((total, wijk) => total + populationOf(profile, wijk, year).inwoners, 0);
      const fte = (inhabitants / 1000) * levelIn(formatie, yearFraction(year, quarter));
      const wages = fte * 23_500 * 1.03 ** (year - 2021);
      const hireShare = random.jitter(levelIn(externeInhuur, yearFraction(year, quarter)), 0.05) / 100;
      const totalCosts = inhabitants * 420 * 1.04 ** (year - 2021);
      rows.push({
        peildatum: quarterEnd(year, quarter),
        formatie_fte: Math.round(fte * 10) / 10,
        bezetting_fte: Math.round(random.jitter(fte * 0.94, 0.01) * 10) / 10,
        loonsom_eur: Math.round(wages),
        externe_inhuur_eur: Math.round((wages * hireShare) / (1 - hireShare)),
        overhead_eur: Math.round(random.jitter((totalCosts * levelIn(overhead, year)) / 100, 0.03)),
        totale_lasten_eur: Math.round(totalCosts),
      });
    }
  return {
    path: 'data/bedrijfsvoering.csv',
    columns: ['peildatum', 'formatie_fte', 'bezetting_fte', 'loonsom_eur', 'externe_inhuur_eur', 'overhead_eur', 'totale_lasten_eur'],
    rows,
  };
}
