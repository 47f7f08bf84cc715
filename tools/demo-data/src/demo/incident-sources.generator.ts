import { type CsvValue } from '../csv.writer';
import { SeededRandom } from '../random';
import { dayInQuarter, demoYears, quarterDays, quarterNumbers } from './calendar';
import { type GeneratedTable } from './generated-file';
import { levelIn, type MunicipalityProfile, type Trend } from './municipality-profile';
import { populationOf } from './population.generator';

/** Calls `draw` for every wijk and quarter of 2021..2025 with the wijk's inhabitants on 1 January. */
function eachWijkQuarter(
  profile: MunicipalityProfile,
  draw: (year: number, quarter: number, wijk: MunicipalityProfile['wijken'][number], inhabitants: number) => void,
): void {
  for (const year of demoYears)
    for (const quarter of quarterNumbers)
      for (const wijk of profile.wijken) draw(year, quarter, wijk, populationOf(profile, wijk, year).inwoners);
}

/** Rows sorted by their date column, then by the other columns: a stable, readable order. */
function sortedBy(rows: Record<string, CsvValue>[], dateColumn: string): Record<string, CsvValue>[] {
  return rows.sort((left, right) => {
    const byDate = String(left[dateColumn]).localeCompare(String(right[dateColumn]));
    return byDate !== 0 ? byDate : JSON.stringify(left).localeCompare(JSON.stringify(right));
  });
}

const crimeSeasons: Record<string, readonly number[]> = {
  winkeldiefstal: [0.95, 0.9, 0.95, 1.2],
  geweldsmisdrijf: [0.9, 1.05, 1.1, 0.95],
  diefstal_uit_woning: [1.15, 0.8, 0.85, 1.2],
  vernieling: [1.2, 0.9, 0.9, 1.0],
  fietsdiefstal: [0.8, 1.1, 1.2, 0.9],
};

/** `misdrijven.csv`: one row per registered crime (pleegdatum, soort, wijk). */
export function generateCrimes(profile: MunicipalityProfile): GeneratedTable {
  const random = new SeededRandom(`${profile.id}/misdrijven`);
  const rows: Record<string, CsvValue>[] = [];
  const kinds: readonly [string, Trend, (wijk: MunicipalityProfile['wijken'][number]) => number][] = [
    ['winkeldiefstal', profile.trends.winkeldiefstal, (wijk) => wijk.retail],
    ['geweldsmisdrijf', profile.trends.geweldsmisdrijf, (wijk) => wijk.social],
    ['diefstal_uit_woning', profile.trends.diefstal_uit_woning, (wijk) => 2 - wijk.social],
    ['vernieling', profile.trends.vernieling, (wijk) => wijk.social],
    ['fietsdiefstal', profile.trends.fietsdiefstal, (wijk) => wijk.retail],
  ];
  eachWijkQuarter(profile, (year, quarter, wijk, inhabitants) => {
    for (const [kind, trend, factor] of kinds) {
      const season = crimeSeasons[kind]?.[quarter - 1] ?? 1;
      const mean = ((inhabitants / 1000) * levelIn(trend, year) * factor(wijk) * season) / 4;
      for (let count = random.poisson(mean); count > 0; count--)
        rows.push({ pleegdatum: dayInQuarter(year, quarter, random.integer(quarterDays(year, quarter))), soort: kind, wijk: wijk.name });
    }
  });
  return { path: 'data/misdrijven.csv', columns: ['pleegdatum', 'soort', 'wijk'], rows: sortedBy(rows, 'pleegdatum') };
}

const reportCategories = ['afval', 'openbare_verlichting', 'groen', 'bestrating', 'overlast', 'riolering'] as const;
const reportWeights = [0.32, 0.12, 0.18, 0.2, 0.1, 0.08];

/** `meldingen-openbare-ruimte.csv`: one row per report about public space, with the days it took to handle. */
export function generatePublicSpaceReports(profile: MunicipalityProfile): GeneratedTable {
  const random = new SeededRandom(`${profile.id}/meldingen`);
  const rows: Record<string, CsvValue>[] = [];
  eachWijkQuarter(profile, (year, quarter, wijk, inhabitants) => {
    const inTime = Math.min(0.97, levelIn(profile.trends.meldingenBinnenTermijn, year) / 100);
    const mean = ((inhabitants / 1000) * levelIn(profile.trends.meldingen, year) * (0.6 + 0.4 * wijk.social)) / 4;
    for (let count = random.poisson(mean); count > 0; count--) {
      let pick = random.next();
      let categoryIndex = 0;
      while (categoryIndex < reportWeights.length - 1 && pick > (reportWeights[categoryIndex] ?? 0)) {
        pick -= reportWeights[categoryIndex] ?? 0;
        categoryIndex++;
      }
      const days = random.chance(inTime) ? random.integer(6) : 6 + random.integer(25);
      rows.push({
        meldingsdatum: dayInQuarter(year, quarter, random.integer(quarterDays(year, quarter))),
        wijk: wijk.name,
        categorie: reportCategories[categoryIndex] ?? 'overlast',
        afhandeltermijn_werkdagen: days,
      });
    }
  });
  return {
    path: 'data/meldingen-openbare-ruimte.csv',
    columns: ['meldingsdatum', 'wijk', 'categorie', 'afhandeltermijn_werkdagen'],
    rows: sortedBy(rows, 'meldingsdatum'),
  };
}

const transportModes = ['auto', 'bestelauto', 'scooter', 'voetganger'] as const;

/** `verkeersongevallen.csv`: one row per road accident with injuries (datum, wijk, vervoerswijze, ernst). */
export function generateRoadAccidents(profile: MunicipalityProfile): GeneratedTable {
  const random = new SeededRandom(`${profile.id}/verkeersongevallen`);
  const rows: Record<string, CsvValue>[] = [];
  eachWijkQuarter(profile, (year, quarter, wijk, inhabitants) => {
    const mean = ((inhabitants / 10_000) * levelIn(profile.trends.ongevallen, year)) / 4;
    for (let count = random.poisson(mean); count > 0; count--) {
      const isCyclist = random.chance(profile.trends.fietsAandeel.level);
      const severity = random.next();
      rows.push({
        datum: dayInQuarter(year, quarter, random.integer(quarterDays(year, quarter))),
        wijk: wijk.name,
        vervoerswijze: isCyclist ? 'fiets' : random.pick(transportModes),
        ernst: severity < 0.02 ? 'dodelijk' : severity < 0.62 ? 'ziekenhuis' : 'licht_letsel',
      });
    }
  });
  return { path: 'data/verkeersongevallen.csv', columns: ['datum', 'wijk', 'vervoerswijze', 'ernst'], rows: sortedBy(rows, 'datum') };
}

const wooSubjects = ['ruimtelijke ordening', 'subsidies', 'handhaving', 'bestuur', 'sociaal domein', 'verkeer'] as const;

/** `woo-verzoeken.csv`: one row per request under the Wet open overheid, answered in time or not. */
export function generateWooRequests(profile: MunicipalityProfile): GeneratedTable {
  const random = new SeededRandom(`${profile.id}/woo`);
  const rows: Record<string, CsvValue>[] = [];
  for (const year of demoYears)
    for (const quarter of quarterNumbers) {
      const inTime = Math.min(0.97, levelIn(profile.trends.wooBinnenTermijn, year) / 100);
      // At least one request a quarter, so every quarter is a period of the indicator.
      const count = Math.max(1, random.poisson(levelIn(profile.trends.wooVerzoeken, year) / 4));
      for (let index = 0; index < count; index++) {
        const isInTime = random.chance(inTime);
        rows.push({
          ontvangstdatum: dayInQuarter(year, quarter, random.integer(quarterDays(year, quarter))),
          onderwerp: random.pick(wooSubjects),
          afgehandeld_binnen_termijn: isInTime,
          doorlooptijd_dagen: isInTime ? 10 + random.integer(33) : 43 + random.integer(80),
        });
      }
    }
  return {
    path: 'data/woo-verzoeken.csv',
    columns: ['ontvangstdatum', 'onderwerp', 'afgehandeld_binnen_termijn', 'doorlooptijd_dagen'],
    rows: sortedBy(rows, 'ontvangstdatum'),
  };
}
