import type { Action, IndicatorDefinition, Program, Task, Workspace } from '@koers/domain';

/** A small workspace as the loader would return it: two programs, in budget order, and one indicator. */
export function fixtureWorkspace(overrides: Partial<Workspace> = {}): Workspace {
  return {
    root: '/tmp/uithoorn',
    municipality: 'Uithoorn',
    sources: [],
    indicators: [winkeldiefstallen],
    programs: [bestuur, veiligheid],
    ...overrides,
  };
}

export const winkeldiefstallen: IndicatorDefinition = {
  id: 'winkeldiefstallen',
  file: 'indicators/winkeldiefstallen.yaml',
  title: 'Winkeldiefstallen per 1.000 inwoners',
  unit: 'per 1.000 inwoners',
  direction: 'lower_is_better',
  grain: 'quarter',
  source: 'misdrijven',
  time: 'pleegdatum',
  measure: 'count(*)',
  dimensions: [],
  targets: { '2025': 2 },
  tolerance: 0.1,
  bbv: true,
};

export const bestuur: Program = {
  id: 'bestuur',
  file: 'programs/bestuur.yaml',
  title: 'Bestuur en organisatie',
  portfolioHolders: ['P. Heijmans', 'J. Bouma'],
  department: 'Directie',
  vision: 'Een bestuur dat keuzes maakt die effect hebben.',
  policyDocuments: ['Coalitieakkoord 2022-2026'],
  effects: [
    { id: 'keuzes-met-effect', title: 'Keuzes die effect creëren', indicators: ['winkeldiefstallen', 'woo-termijn'] },
    { id: 'open-bestuur', title: 'Een open bestuurscultuur', description: 'Inwoners zien wat het bestuur doet.', indicators: [] },
  ],
  tasks: [
    {
      id: 'allianties',
      title: 'Investeer in de allianties met de omgeving',
      effects: ['open-bestuur', 'keuzes-met-effect'],
      actions: [
        {
          id: 'bestuurskrachtonderzoek',
          title: 'Uitwerken bestuurskrachtonderzoek',
          kind: 'new',
          priority: 'basis',
          owner: 'Team Strategie',
          start: '2021-01-01',
          due: '2021-12-31',
        },
        { id: 'regionale-samenwerking', title: 'Regionale samenwerking', kind: 'regular', priority: 'execution' },
      ],
    },
    { id: 'dienstverlening', title: 'Dienstverlening op orde', effects: [], actions: [] },
  ],
};

export const wetBibob: Action = { id: 'wet-bibob', title: 'Wet Bibob toepassen', kind: 'regular', priority: 'statutory' };

export const ondermijning: Task = {
  id: 'ondermijning',
  title: 'Ondermijning tegengaan',
  effects: ['veilige-wijken'],
  actions: [wetBibob],
};

export const veiligheid: Program = {
  id: 'veiligheid',
  file: 'programs/veiligheid.yaml',
  title: 'Veiligheid',
  portfolioHolders: ['P. Heijmans'],
  policyDocuments: [],
  effects: [{ id: 'veilige-wijken', title: 'Veilige wijken', indicators: ['winkeldiefstallen'] }],
  tasks: [ondermijning],
};
