import type { CatalogContents } from './in-memory-catalog';
import type { Municipality, ProgramOverview, Role, Viewer } from '@koers/domain';
import { sampleAuditRecords } from './sample-audit';
import { finishedComputation, storedIndicator } from './stored-indicator.fixture';

/** Three municipalities of a shared service (names of people are made up); Diemen has no programs yet. */
export const sampleMunicipalities: readonly Municipality[] = [
  { id: 'uithoorn', name: 'Uithoorn' },
  { id: 'hilversum', name: 'Hilversum' },
  { id: 'diemen', name: 'Diemen' },
];

/** The team of a sample team lead: the owner of Uithoorn's action "bestuurskrachtonderzoek". */
export const sampleTeam = 'Team Bestuursondersteuning';

/** A user with `role` in each of `municipalityIds` (every sample municipality when left out). */
export function sampleViewer(role: Role, municipalityIds: readonly string[] = sampleMunicipalities.map((municipality) => municipality.id)): Viewer {
  return {
    userId: `${role}-${municipalityIds.join('-')}`,
    name: `Proef ${role}`,
    email: `${role}@proef.koers.example`,
    // A team lead leads the team that owns Uithoorn's "bestuurskrachtonderzoek".
    grants: municipalityIds.map((municipalityId) => ({ municipalityId, role, ...(role === 'team_lead' ? { team: sampleTeam } : {}) })),
  };
}

/** Uithoorn's governance program, after its program budget (seed 000). */
export const uithoornGovernance: ProgramOverview = {
  id: 'bestuur-en-organisatie',
  municipalityId: 'uithoorn',
  title: 'Bestuur en organisatie',
  portfolioHolders: ['A. de Vries'],
  department: 'Bestuur en Organisatie',
  vision: 'De kracht van Uithoorn is de samenwerking met inwoners en partners.',
  policyDocuments: ['Bestuursakkoord 2022-2026'],
  effects: [
    {
      id: 'keuzes-met-effect',
      title: 'Het bestuur maakt binnen de beschikbare middelen keuzes die effect creëren.',
      indicators: ['woo-binnen-termijn'],
    },
    {
      id: 'bestuurskracht',
      title: 'De ambtelijke organisatie geeft het college bestuurskracht om de effecten te creëren.',
      description: 'Strategisch en integraal advies, daadkrachtige uitvoering.',
      indicators: [],
    },
  ],
  tasks: [
    {
      id: 'allianties',
      title: 'Investeer in de allianties met de omgeving.',
      effects: ['keuzes-met-effect'],
      actions: [
        {
          id: 'bestuurskrachtonderzoek',
          title: 'Uitwerken Bestuurskrachtonderzoek',
          description: '1. Onderzoek de bestuurskracht.\n2. Bespreek de uitkomsten met de raad.',
          kind: 'new',
          priority: 'new_policy',
          owner: 'Team Bestuursondersteuning',
          due: '2025-12-31',
        },
        { id: 'regionale-samenwerking', title: 'Regie op de regionale samenwerking', kind: 'regular', priority: 'execution' },
      ],
    },
    { id: 'organisatie', title: 'Versterk de gemeentelijke organisatie.', effects: ['bestuurskracht'], actions: [] },
  ],
};

/** Uithoorn's safety program, with two indicators, one of which failed in the latest computation. */
export const uithoornSafety: ProgramOverview = {
  id: 'veiligheid',
  municipalityId: 'uithoorn',
  title: 'Veiligheid',
  portfolioHolders: ['burgemeester'],
  department: 'Openbare Orde en Veiligheid',
  vision: null,
  policyDocuments: [],
  effects: [{ id: 'minder-criminaliteit', title: 'Minder winkeldiefstal en vernielingen', indicators: ['winkeldiefstallen', 'vernielingen'] }],
  tasks: [],
};

/** Hilversum's governance program, so switching municipality shows different programs. */
export const hilversumGovernance: ProgramOverview = {
  id: 'bestuur',
  municipalityId: 'hilversum',
  title: 'Effectief en efficiënt bestuurde stad',
  portfolioHolders: ['B. Jansen', 'C. Bakker'],
  department: null,
  vision: null,
  policyDocuments: [],
  effects: [{ id: 'veilige-stad', title: 'Een veilige stad', indicators: ['winkeldiefstallen'] }],
  tasks: [],
};

const quarters = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
const series = (values: readonly number[]) => values.map((value, index) => ({ period: quarters[index] ?? '', value }));

/**
 * A small installation: Uithoorn with two programs and three indicators
 * (winkeldiefstallen on track with a breakdown per wijk, vernielingen off
 * track whose latest computation failed, woo-binnen-termijn at risk),
 * Hilversum with one, and Diemen still empty. Every municipality has computed.
 */
export function sampleCatalogContents(): CatalogContents {
  return {
    municipalities: sampleMunicipalities,
    programs: { uithoorn: [uithoornGovernance, uithoornSafety], hilversum: [hilversumGovernance], diemen: [] },
    indicators: {
      uithoorn: [
        storedIndicator({
          municipalityId: 'uithoorn',
          id: 'winkeldiefstallen',
          title: 'Winkeldiefstallen per 1.000 inwoners',
          unit: 'per 1.000 inwoners',
          decimals: 2,
          isBbv: true,
          values: series([0.61, 0.58, 0.56, 0.51]),
          targets: { '2025': 0.54 },
          baseline: { period: '2021', value: 0.64 },
          breakdown: {
            wijk: [
              { member: 'Centrum', period: '2025-Q3', value: 0.7 },
              { member: 'Centrum', period: '2025-Q4', value: 0.66 },
              { member: 'Thamerdal', period: '2025-Q4', value: 0.42 },
              { member: null, period: '2025-Q4', value: 0.1 },
            ],
          },
        }),
        storedIndicator({
          municipalityId: 'uithoorn',
          id: 'vernielingen',
          title: 'Vernielingen per 1.000 inwoners',
          unit: 'per 1.000 inwoners',
          decimals: 2,
          isBbv: true,
          values: series([1.5, 1.6, 1.7, 1.82]),
          targets: { '2025': 1.52 },
          problem: { message: 'data/misdrijven.csv: column "soort" is missing', file: 'sources/misdrijven.yaml', at: '2026-11-30T09:00:00.000Z' },
        }),
        storedIndicator({
          municipalityId: 'uithoorn',
          id: 'woo-binnen-termijn',
          title: 'Woo-verzoeken binnen de termijn',
          unit: '%',
          direction: 'higher_is_better',
          decimals: 0,
          values: series([88, 86, 84, 80]),
          targets: { '2025': 85 },
        }),
      ],
      hilversum: [
        storedIndicator({
          municipalityId: 'hilversum',
          id: 'winkeldiefstallen',
          title: 'Winkeldiefstallen per 1.000 inwoners',
          unit: 'per 1.000 inwoners',
          decimals: 2,
          isBbv: true,
          values: series([0.9, 0.95, 1.0, 0.97]),
          targets: { '2025': 0.85 },
        }),
      ],
    },
    progress: {
      uithoorn: [
        {
          actionId: 'bestuurskrachtonderzoek',
          quarter: '2026-Q4',
          status: 'delayed',
          percent: 40,
          comment: 'Wacht op het rapport van de onderzoekers.',
          recordedAt: '2026-11-02T10:00:00.000Z',
        },
      ],
    },
    history: {
      uithoorn: { latest: finishedComputation('uithoorn'), lastFinished: finishedComputation('uithoorn') },
      hilversum: { latest: finishedComputation('hilversum'), lastFinished: finishedComputation('hilversum') },
      diemen: { latest: finishedComputation('diemen'), lastFinished: finishedComputation('diemen') },
    },
    audit: sampleAuditRecords(),
  };
}
