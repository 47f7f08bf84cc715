import type { BoardAction } from '@koers/domain';
import { describe, expect, it } from 'vitest';
import { boardFilterOf, filterActions, quarterChoices } from './board-filter';

const action = (id: string, fields: Partial<BoardAction>): BoardAction => ({
  id,
  title: id,
  programId: 'p',
  programTitle: 'P',
  taskId: 't',
  taskTitle: 'T',
  kind: 'new',
  priority: 'execution',
  owner: 'Team Wonen',
  start: null,
  due: null,
  report: null,
  latest: null,
  standing: 'on_schedule',
  isOverdue: false,
  isAwaitingReport: false,
  mayReport: false,
  ...fields,
});

const actions = [
  action('nieuw-beleid', { priority: 'new_policy' }),
  action('wettelijk', {
    priority: 'statutory',
    owner: 'Team Vergunningen',
    standing: 'not_reported',
    isAwaitingReport: true,
  }),
  action('basis', { priority: 'basis', isOverdue: true, standing: 'delayed' }),
  action('uitvoering', { priority: 'execution' }),
];

describe('the filters of the actions board', () => {
  it('reads the URL, taking anything unknown as "all"', () => {
    expect(boardFilterOf({ team: ' Team Wonen ', prioriteit: 'basis', status: 'overdue' })).toEqual({
      team: 'Team Wonen',
      priority: 'basis',
      status: 'overdue',
    });
    expect(boardFilterOf({ team: '', prioriteit: 'hoog', status: 'klaar' })).toEqual({
      team: null,
      priority: null,
      status: null,
    });
  });

  it('orders the actions basis op orde, wettelijk, uitvoering, nieuw beleid', () => {
    expect(filterActions(actions, boardFilterOf({})).map((entry) => entry.id)).toEqual([
      'basis',
      'wettelijk',
      'uitvoering',
      'nieuw-beleid',
    ]);
  });

  it('filters by team, priority and status, with "not reported" and "overdue" as statuses of their own', () => {
    const ids = (query: Parameters<typeof boardFilterOf>[0]) =>
      filterActions(actions, boardFilterOf(query)).map((entry) => entry.id);
    expect(ids({ team: 'Team Vergunningen' })).toEqual(['wettelijk']);
    expect(ids({ prioriteit: 'execution' })).toEqual(['uitvoering']);
    expect(ids({ status: 'not_reported' })).toEqual(['wettelijk']);
    expect(ids({ status: 'overdue' })).toEqual(['basis']);
    expect(ids({ status: 'delayed', team: 'Team Wonen' })).toEqual(['basis']);
  });

  it('offers this quarter and the seven before', () => {
    expect(quarterChoices('2026-Q4')).toEqual([
      '2026-Q4',
      '2026-Q3',
      '2026-Q2',
      '2026-Q1',
      '2025-Q4',
      '2025-Q3',
      '2025-Q2',
      '2025-Q1',
    ]);
  });
});
