import { describe, expect, it } from 'vitest';
import { sampleTeam, sampleViewer } from '../../testing/index';
import { workCaller } from '../work/work-caller.testing';

describe('progress', () => {
  it("shows a team lead every action as it stands this quarter, and lets them report only on their own team's", async () => {
    const { caller } = workCaller('team_lead');
    const board = await caller.progress.board({ municipalityId: 'uithoorn' });

    expect(board.quarter).toBe('2026-Q4');
    expect(board.currentQuarter).toBe('2026-Q4');
    expect(board.viewerTeam).toBe(sampleTeam);
    expect(board.teams).toEqual(['Team Bestuursondersteuning', 'Team HRM']);
    expect(board.reporting).toBeNull();
    expect(board.actions.map((action) => [action.id, action.owner, action.standing, action.isOverdue, action.isAwaitingReport, action.mayReport])).toEqual([
      // Due at the end of 2025 and reported as delayed: overdue.
      ['bestuurskrachtonderzoek', sampleTeam, 'delayed', true, false, true],
      ['regionale-samenwerking', null, 'not_reported', false, true, false],
      ['ontwikkelprogramma', 'Team HRM', 'not_reported', false, true, false],
      ['nieuwe-huisstijl', sampleTeam, 'not_reported', false, true, true],
    ]);
    expect(board.actions[0]?.report).toMatchObject({ quarter: '2026-Q4', percent: 40, author: 'teamleider@uithoorn.example' });
  });

  it('shows an earlier quarter as it stood then, with nothing to report', async () => {
    const { caller } = workCaller('team_lead');
    const board = await caller.progress.board({ municipalityId: 'uithoorn', quarter: '2026-Q2' });
    expect(board.quarter).toBe('2026-Q2');
    expect(board.actions.every((action) => !action.mayReport)).toBe(true);
    // Not started by the end of June: nothing awaited yet.
    expect(board.actions.find((action) => action.id === 'nieuwe-huisstijl')?.isAwaitingReport).toBe(false);
    expect(board.actions.find((action) => action.id === 'bestuurskrachtonderzoek')).toMatchObject({ report: null, latest: null, isOverdue: true });
  });

  it('shows the college per team how many actions still await a report, with the team leads to ask', async () => {
    const { caller } = workCaller('college');
    const board = await caller.progress.board({ municipalityId: 'uithoorn' });
    expect(board.reporting).toEqual([
      { team: 'Team Bestuursondersteuning', actionCount: 2, awaitingCount: 1, teamLeads: ['Proef team_lead'] },
      { team: 'Team HRM', actionCount: 1, awaitingCount: 1, teamLeads: ['Hanna HRM'] },
    ]);
    expect(board.actions.every((action) => !action.mayReport)).toBe(true);
  });

  it('stores a report of their own team for the current quarter, audited, and the overview counts follow', async () => {
    const { caller, work } = workCaller('team_lead');
    const before = await caller.overview.get({ municipalityId: 'uithoorn' });

    const saved = await caller.progress.save({ municipalityId: 'uithoorn', actionId: 'nieuwe-huisstijl', status: 'on_schedule', percent: 10, comment: '  Ontwerpbureau gekozen. ' });

    expect(saved).toMatchObject({ actionId: 'nieuwe-huisstijl', quarter: '2026-Q4', status: 'on_schedule', percent: 10, comment: 'Ontwerpbureau gekozen.', author: 'team_lead@proef.koers.example' });
    expect(work.changes).toEqual([
      { actor: 'team_lead@proef.koers.example', municipalityId: 'uithoorn', entity: 'progress', entityId: 'nieuwe-huisstijl:2026-Q4', before: null, after: saved },
    ]);
    const board = await caller.progress.board({ municipalityId: 'uithoorn' });
    expect(board.actions.find((action) => action.id === 'nieuwe-huisstijl')).toMatchObject({ standing: 'on_schedule', isAwaitingReport: false });
    const after = await caller.overview.get({ municipalityId: 'uithoorn' });
    const governance = (overview: typeof after) => overview.programs.find((program) => program.id === 'bestuur-en-organisatie')?.actionStatus;
    expect(governance(after)?.on_schedule).toBe((governance(before)?.on_schedule ?? 0) + 1);
    expect(governance(after)?.not_reported).toBe((governance(before)?.not_reported ?? 0) - 1);
  });

  it("refuses another team's action with FORBIDDEN and stores nothing, whatever the dashboard showed", async () => {
    const { caller, work } = workCaller('team_lead');
    await expect(caller.progress.save({ municipalityId: 'uithoorn', actionId: 'ontwikkelprogramma', status: 'done', percent: 100, comment: '' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Actie "Ontwikkelprogramma medewerkers" is van Team HRM: u rapporteert alleen over de acties van uw eigen team.',
    });
    await expect(caller.progress.save({ municipalityId: 'uithoorn', actionId: 'regionale-samenwerking', status: 'done', percent: 100, comment: '' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(work.changes).toEqual([]);
  });

  it('refuses a team lead without a team, and every role but team lead', async () => {
    const withoutTeam = { ...sampleViewer('team_lead'), grants: sampleViewer('team_lead').grants.map((grant) => ({ ...grant, team: null })) };
    await expect(
      workCaller(withoutTeam).caller.progress.save({ municipalityId: 'uithoorn', actionId: 'bestuurskrachtonderzoek', status: 'done', percent: 100, comment: '' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    for (const role of ['admin', 'college', 'data_team', 'council'] as const) {
      await expect(
        workCaller(role).caller.progress.save({ municipalityId: 'uithoorn', actionId: 'bestuurskrachtonderzoek', status: 'done', percent: 100, comment: '' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('answers bad input with the field: an unknown action, a percent out of range, done below 100%', async () => {
    const { caller, work } = workCaller('team_lead');
    await expect(caller.progress.save({ municipalityId: 'uithoorn', actionId: 'bestaat-niet', status: 'done', percent: 100, comment: '' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Actie "bestaat-niet" bestaat niet in de begroting van Uithoorn.',
    });
    await expect(caller.progress.save({ municipalityId: 'uithoorn', actionId: 'bestuurskrachtonderzoek', status: 'delayed', percent: 140, comment: '' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('percent'),
    });
    await expect(caller.progress.save({ municipalityId: 'uithoorn', actionId: 'bestuurskrachtonderzoek', status: 'done', percent: 60, comment: '' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'percent: een gerede actie staat op 100%: zet het percentage op 100 of kies een andere status.',
    });
    expect(work.changes).toEqual([]);
  });

  it('answers METHOD_NOT_SUPPORTED where the installation has no work ports', async () => {
    const { caller } = workCaller('team_lead', { withoutPorts: true });
    await expect(caller.progress.board({ municipalityId: 'uithoorn' })).rejects.toMatchObject({ code: 'METHOD_NOT_SUPPORTED' });
  });
});
