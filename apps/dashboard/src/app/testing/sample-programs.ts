import type { ProgramOverview } from '@koers/api';
import type { Municipality } from '@koers/domain';

/** Three municipalities of a shared service (names of people are made up); Diemen has no programs yet. */
export const sampleMunicipalities: readonly Municipality[] = [
  { id: 'uithoorn', name: 'Uithoorn' },
  { id: 'hilversum', name: 'Hilversum' },
  { id: 'diemen', name: 'Diemen' },
];

/** Uithoorn's governance program, after its program budget (seed 000). */
export const uithoornGovernance: ProgramOverview = {
  id: 'bestuur-en-organisatie',
  municipalityId: 'uithoorn',
  title: 'Bestuur en organisatie',
  portfolioHolders: ['A. de Vries'],
  department: 'Bestuur en Organisatie',
  vision: null,
  policyDocuments: [],
  effects: [
    {
      id: 'keuzes-met-effect',
      title: 'Het bestuur maakt binnen de beschikbare middelen keuzes die effect creëren.',
      indicators: [],
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
          kind: 'new',
          priority: 'new_policy',
          owner: 'Team Bestuursondersteuning',
          due: '2025-12-31',
        },
        {
          id: 'regionale-samenwerking',
          title: 'Regie op de regionale samenwerking',
          kind: 'regular',
          priority: 'execution',
        },
      ],
    },
    { id: 'organisatie', title: 'Versterk de gemeentelijke organisatie.', effects: ['bestuurskracht'], actions: [] },
  ],
};

/** A second Hilversum program, so switching municipality shows different programs. */
export const hilversumGovernance: ProgramOverview = {
  id: 'bestuur',
  municipalityId: 'hilversum',
  title: 'Effectief en efficiënt bestuurde stad',
  portfolioHolders: ['B. Jansen', 'C. Bakker'],
  department: null,
  vision: null,
  policyDocuments: [],
  effects: [{ id: 'netwerkende-overheid', title: 'Een netwerkende overheid', indicators: [] }],
  tasks: [],
};

/** A second Uithoorn program, so the page has a list of contents. */
export const uithoornSafety: ProgramOverview = {
  id: 'veiligheid',
  municipalityId: 'uithoorn',
  title: 'Veiligheid',
  portfolioHolders: ['burgemeester'],
  department: 'Openbare Orde en Veiligheid',
  vision: null,
  policyDocuments: [],
  effects: [{ id: 'minder-winkeldiefstal', title: 'Minder winkeldiefstal in de winkelcentra', indicators: [] }],
  tasks: [],
};

/** Programs per municipality id. */
export const samplePrograms: Readonly<Record<string, readonly ProgramOverview[]>> = {
  uithoorn: [uithoornGovernance, uithoornSafety],
  hilversum: [hilversumGovernance],
  diemen: [],
};
