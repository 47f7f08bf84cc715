import { type CsvValue } from '../csv.writer';
import { SeededRandom } from '../random';
import { dayInQuarter, demoYears, monthStart, quarterDays } from './calendar';
import { type GeneratedTable } from './generated-file';
import { levelIn, type MunicipalityProfile } from './municipality-profile';
import { populationOf } from './population.generator';

const solarByMonth = [0.3, 0.5, 0.9, 1.3, 1.6, 1.7, 1.7, 1.5, 1.1, 0.7, 0.4, 0.3];
const windByMonth = [1.4, 1.3, 1.2, 1.0, 0.8, 0.7, 0.7, 0.7, 0.9, 1.1, 1.3, 1.4];

/** `energie.csv`: electricity use per month and source (zon, wind, biomassa, overig), for the whole municipality. */
export function generateEnergy(profile: MunicipalityProfile): GeneratedTable {
  const random = new SeededRandom(`${profile.id}/energie`);
  const rows: Record<string, CsvValue>[] = [];
  for (const year of demoYears) {
    const inhabitants = profile.wijken.reduce((total, wijk) => total + populationOf(profile, wijk, year).inwoners, 0);
    const monthlyUse = (inhabitants * 4.8) / 12;
    const renewable = Math.min(95, levelIn(profile.trends.hernieuwbaar, year)) / 100;
    for (let month = 1; month <= 12; month++) {
      const use = random.jitter(monthlyUse * (1.1 - 0.2 * Math.sin(((month - 3) / 12) * 2 * Math.PI)), 0.02);
      const solar = use * renewable * 0.6 * (solarByMonth[month - 1] ?? 1);
      const wind = use * renewable * 0.3 * (windByMonth[month - 1] ?? 1);
      const biomass = use * renewable * 0.1;
      const parts: [string, number][] = [['zon', solar], ['wind', wind], ['biomassa', biomass], ['overig', use - solar - wind - biomass]];
      for (const [bron, mwh] of parts) rows.push({ peildatum: monthStart(year, month), bron, mwh: Math.round(mwh * 10) / 10 });
    }
  }
  return { path: 'data/energie.csv', columns: ['peildatum', 'bron', 'mwh'], rows };
}

const segments = ['sociale_huur', 'middenhuur', 'koop'] as const;

/** `woningbouw.csv`: one row per delivered housing project (opleverdatum, wijk, segment, aantal_woningen). */
export function generateHousingDeliveries(profile: MunicipalityProfile): GeneratedTable {
  const random = new SeededRandom(`${profile.id}/woningbouw`);
  const rows: Record<string, CsvValue>[] = [];
  // New housing goes mostly where the wijk grows.
  const weights = profile.wijken.map((wijk) => wijk.growth + 0.004);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  for (const year of demoYears) {
    const dwellings = profile.wijken.reduce((total, wijk) => total + populationOf(profile, wijk, year).woningen, 0);
    let remaining = Math.round(random.jitter((dwellings / 1000) * levelIn(profile.trends.nieuwbouw, year), 0.12));
    for (let project = 1; remaining > 0; project++) {
      const size = Math.min(remaining, 6 + random.integer(70));
      remaining -= size;
      let pick = random.next() * totalWeight;
      let wijkIndex = 0;
      while (wijkIndex < weights.length - 1 && pick > (weights[wijkIndex] ?? 0)) pick -= weights[wijkIndex++] ?? 0;
      const wijk = profile.wijken[wijkIndex] ?? profile.wijken[0];
      const quarter = 1 + random.integer(4);
      rows.push({
        opleverdatum: dayInQuarter(year, quarter, random.integer(quarterDays(year, quarter))),
        wijk: wijk?.name ?? '',
        project: `${wijk?.name ?? ''} bouwstroom ${year}-${project}`,
        // The first project of a year is social housing, so that segment has deliveries every year.
        segment: project === 1 ? 'sociale_huur' : random.pick(segments),
        aantal_woningen: size,
      });
    }
  }
  rows.sort((left, right) => String(left['opleverdatum']).localeCompare(String(right['opleverdatum'])));
  return { path: 'data/woningbouw.csv', columns: ['opleverdatum', 'wijk', 'project', 'segment', 'aantal_woningen'], rows };
}

/** `voortijdig-schoolverlaten.csv`: per wijk per school year (peildatum 1 October): participants and new early leavers. */
export function generateEarlySchoolLeavers(profile: MunicipalityProfile): GeneratedTable {
  const random = new SeededRandom(`${profile.id}/vsv`);
  const rows = demoYears.flatMap((year) =>
    profile.wijken.map((wijk) => {
      const participants = Math.round(populationOf(profile, wijk, year).inwoners * 0.085);
      const leavers = random.poisson((participants * levelIn(profile.trends.vsv, year) * wijk.social) / 100);
      return { peildatum: `${year}-10-01`, wijk: wijk.name, deelnemers_vo_mbo: participants, voortijdig_schoolverlaters: leavers };
    }),
  );
  return { path: 'data/voortijdig-schoolverlaten.csv', columns: ['peildatum', 'wijk', 'deelnemers_vo_mbo', 'voortijdig_schoolverlaters'], rows };
}

/** `werkgelegenheid.csv`: establishments and jobs per wijk on 1 April of each year (as a LISA count). */
export function generateEmployment(profile: MunicipalityProfile): GeneratedTable {
  const random = new SeededRandom(`${profile.id}/werkgelegenheid`);
  const rows = demoYears.flatMap((year) =>
    profile.wijken.map((wijk) => {
      const jobs = random.jitter((populationOf(profile, wijk, year).inwoners_15_64 / 1000) * levelIn(profile.trends.banen, year) * (0.5 + 0.5 * wijk.retail), 0.02);
      return { peildatum: `${year}-04-01`, wijk: wijk.name, vestigingen: Math.round(jobs / 6.5), banen: Math.round(jobs) };
    }),
  );
  return { path: 'data/werkgelegenheid.csv', columns: ['peildatum', 'wijk', 'vestigingen', 'banen'], rows };
}

const ageGroups = ['19-34', '35-54', '55-74', '75+'] as const;

/** `sportdeelname.csv`: one row per respondent of the yearly health survey (enquêtedatum, wijk, leeftijdsklasse, sport_wekelijks). */
export function generateSportSurvey(profile: MunicipalityProfile): GeneratedTable {
  const random = new SeededRandom(`${profile.id}/sportdeelname`);
  const rows: Record<string, CsvValue>[] = [];
  for (const year of demoYears)
    for (const wijk of profile.wijken) {
      const respondents = Math.round(populationOf(profile, wijk, year).inwoners / 60);
      const notSporting = Math.min(0.95, (levelIn(profile.trends.nietSporters, year) / 100) * (0.8 + 0.2 * wijk.social));
      for (let index = 0; index < respondents; index++)
        rows.push({
          enquetedatum: dayInQuarter(year, 4, random.integer(60)),
          wijk: wijk.name,
          leeftijdsklasse: random.pick(ageGroups),
          sport_wekelijks: !random.chance(notSporting),
        });
    }
  rows.sort((left, right) => String(left['enquetedatum']).localeCompare(String(right['enquetedatum'])) || String(left['wijk']).localeCompare(String(right['wijk'])));
  return { path: 'data/sportdeelname.csv', columns: ['enquetedatum', 'wijk', 'leeftijdsklasse', 'sport_wekelijks'], rows };
}
