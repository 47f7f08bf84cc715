import { describe, expect, it } from 'vitest';
import { workCaller } from '../work/work-caller.testing';

describe('todo', () => {
  it("gives a team lead the actions of their team still to report this quarter, each linking to the actions board", async () => {
    const { caller } = workCaller('team_lead');
    const todo = await caller.todo.list({ municipalityId: 'uithoorn' });
    expect(todo.quarter).toBe('2026-Q4');
    expect(todo.items).toEqual([
      {
        kind: 'progress_due',
        title: 'Voortgang van "Nieuwe huisstijl" over het 4e kwartaal 2026',
        detail: 'Bestuur en organisatie — Versterk de gemeentelijke organisatie.',
        link: { path: ['acties'], query: { team: 'Team Bestuursondersteuning' }, fragment: 'actie-nieuwe-huisstijl' },
        assignee: null,
      },
    ]);

    await caller.progress.save({ municipalityId: 'uithoorn', actionId: 'nieuwe-huisstijl', status: 'on_schedule', percent: 5, comment: '' });
    expect((await caller.todo.list({ municipalityId: 'uithoorn' })).items).toEqual([]);
  });

  it('gives the college the effects with an indicator at risk or off track and no commentary yet, until it writes one', async () => {
    const { caller } = workCaller('college');
    const titles = async () => (await caller.todo.list({ municipalityId: 'uithoorn' })).items.map((item) => [item.kind, item.title, item.detail, item.link.fragment]);
    expect(await titles()).toEqual([
      ['commentary_due', 'Toelichting bij "Het bestuur maakt binnen de beschikbare middelen keuzes die effect creëren." over het 4e kwartaal 2026', 'Woo-verzoeken binnen de termijn staat op risico', 'effect-keuzes-met-effect'],
      ['commentary_due', 'Toelichting bij "Minder winkeldiefstal en vernielingen" over het 4e kwartaal 2026', 'Vernielingen per 1.000 inwoners is uit koers', 'effect-minder-criminaliteit'],
    ]);
    await caller.commentary.save({ municipalityId: 'uithoorn', effectId: 'minder-criminaliteit', quarter: '2026-Q4', text: 'Vernielingen: extra toezicht.' });
    expect((await titles()).map(([, , , fragment]) => fragment)).toEqual(['effect-keuzes-met-effect']);
  });

  it('gives the data team the sources whose refresh failed, linking to an indicator that shows the error', async () => {
    const { caller } = workCaller('data_team');
    expect((await caller.todo.list({ municipalityId: 'uithoorn' })).items).toEqual([
      {
        kind: 'source_failed',
        title: 'Bron "misdrijven" kon niet worden ververst',
        detail: 'data/misdrijven.csv: column "soort" is missing',
        link: { path: ['indicatoren', 'vernielingen'] },
        assignee: null,
      },
    ]);
  });

  it('gives an admin what the others have open, with whose work it is', async () => {
    const { caller } = workCaller('admin');
    const items = (await caller.todo.list({ municipalityId: 'uithoorn' })).items;
    expect(items.map((item) => [item.kind, item.assignee])).toEqual([
      ['source_failed', 'Data Gedreven Werken'],
      ['progress_due', 'Team Bestuursondersteuning'],
      ['progress_due', 'Team HRM'],
      ['progress_due', 'Zonder team'],
      ['commentary_due', 'A. de Vries'],
      ['commentary_due', 'burgemeester'],
    ]);
    expect(items[2]).toMatchObject({ title: 'Team HRM: 1 actie zonder voortgang over het 4e kwartaal 2026', detail: 'Teamleider: Hanna HRM', link: { path: ['acties'], query: { team: 'Team HRM', status: 'not_reported' } } });
  });

  it('has nothing for the council, and nothing elsewhere than the municipality asked', async () => {
    expect((await workCaller('council').caller.todo.list({ municipalityId: 'uithoorn' })).items).toEqual([]);
    expect((await workCaller('team_lead').caller.todo.list({ municipalityId: 'diemen' })).items).toEqual([]);
  });
});
