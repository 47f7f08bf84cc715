/**
 * The model behind each demo municipality's fictitious data: its wijken and, per
 * measure, a level in 2021 and a yearly relative change. The generators draw
 * noise around these levels; the indicator YAML files set baselines and targets
 * against the values that come out.
 */

/** A wijk and how it differs from the municipality's average. */
export interface WijkProfile {
  readonly name: string;
  /** Inhabitants on 1 January 2021. */
  readonly inhabitants: number;
  /** Yearly relative population growth (0.02 = 2%). */
  readonly growth: number;
  /** Multiplier for social-domain and crime measures (1 = average). */
  readonly social: number;
  /** Multiplier for shoplifting and jobs: shopping centres and business parks. */
  readonly retail: number;
  /** Share of inhabitants aged 0-17. */
  readonly youthShare: number;
}

/** A level in 2021 and a yearly relative change. */
export interface Trend {
  readonly level: number;
  readonly change: number;
}

/** The measures the generators draw; levels are yearly unless said otherwise. */
export interface MeasureTrends {
  /** Incidents per 1,000 inhabitants a year. */
  readonly winkeldiefstal: Trend;
  readonly geweldsmisdrijf: Trend;
  readonly diefstal_uit_woning: Trend;
  readonly vernieling: Trend;
  readonly fietsdiefstal: Trend;
  /** Percent of the 0-17 year olds (a stock). */
  readonly jeugdhulp: Trend;
  /** Per 10,000 inhabitants (stocks). */
  readonly bijstand: Trend;
  readonly wmo: Trend;
  /** Kg per inhabitant a year. */
  readonly restafval: Trend;
  /** Percent of electricity use. */
  readonly hernieuwbaar: Trend;
  /** New dwellings per 1,000 dwellings a year. */
  readonly nieuwbouw: Trend;
  /** Per 1,000 pupils of compulsory school age: a stock, and reports a year. */
  readonly absoluutVerzuim: Trend;
  readonly relatiefVerzuim: Trend;
  /** Percent early school leavers. */
  readonly vsv: Trend;
  /** Jobs per 1,000 inhabitants aged 15-64. */
  readonly banen: Trend;
  /** Percent net labour participation. */
  readonly arbeidsparticipatie: Trend;
  /** Percent who do not play sport weekly. */
  readonly nietSporters: Trend;
  /** Fte per 1,000 inhabitants. */
  readonly formatie: Trend;
  /** Percent of wage costs spent on external hires. */
  readonly externeInhuur: Trend;
  /** Percent of total costs. */
  readonly overhead: Trend;
  /** Woo requests a year, and the percent answered in time. */
  readonly wooVerzoeken: Trend;
  readonly wooBinnenTermijn: Trend;
  /** Reports about public space per 1,000 inhabitants a year, and percent handled in 5 working days. */
  readonly meldingen: Trend;
  readonly meldingenBinnenTermijn: Trend;
  /** Road accidents with injuries per 10,000 inhabitants a year; share of them with a cyclist. */
  readonly ongevallen: Trend;
  readonly fietsAandeel: Trend;
}

/** One demo municipality. */
export interface MunicipalityProfile {
  /** Folder name under data/demo. */
  readonly id: string;
  readonly name: string;
  readonly wijken: readonly WijkProfile[];
  /** Inhabitants per dwelling. */
  readonly householdSize: number;
  readonly trends: MeasureTrends;
}

/** The level of a trend in a year: level × (1 + change)^(year − 2021). */
export function levelIn(trend: Trend, year: number): number {
  return trend.level * (1 + trend.change) ** (year - 2021);
}
