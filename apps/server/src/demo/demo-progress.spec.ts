import type { Program } from '@koers/domain';
import { describe, expect, it } from 'vitest';
import { demoProgressFor } from './demo-progress';

const program: Program = {
  id: 'bestuur',
  title: 'Bestuur',
  portfolioHolders: [],
  policyDocuments: [],
  effects: [],
  tasks: [
    {
      id: 'allianties',
      title: 'Allianties',
      effects: [],
      actions: [
        { id: 'afgerond', title: 'Afgerond', kind: 'new', priority: 'basis', start: '2021-01-01', due: '2022-12-31' },
        { id: 'later', title: 'Later', kind: 'new', priority: 'basis', start: '2030-01-01', due: '2031-12-31' },
        ...Array.from({ length: 40 }, (_, index) => ({
          id: `lopend-${index}`,
          title: `Lopend ${index}`,
          kind: 'new' as const,
          priority: 'execution' as const,
          start: '2024-01-01',
          due: '2027-12-31',
        })),
      ],
    },
  ],
};

describe('demoProgressFor', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  const updates = demoProgressFor('uithoorn', [program], now, 'team-lead@uithoorn.koers.example');

  it('is the same every time', () => {
    expect(demoProgressFor('uithoorn', [program], now, 'team-lead@uithoorn.koers.example')).toEqual(updates);
  });

  it('reports the previous and the current quarter, and leaves some actions unreported this quarter', () => {
    expect(new Set(updates.map((update) => update.quarter))).toEqual(new Set(['2026-Q3', '2026-Q4']));
    const current = updates.filter((update) => update.quarter === '2026-Q4' && update.actionId.startsWith('lopend-'));
    expect(current.length).toBeGreaterThan(20);
    expect(current.length).toBeLessThan(40);
  });

  it('marks an action due before the quarter as done, and gives one that has not started nothing', () => {
    expect(updates.filter((update) => update.actionId === 'afgerond').every((update) => update.status === 'done' && update.percent === 100)).toBe(true);
    expect(updates.some((update) => update.actionId === 'later')).toBe(false);
  });

  it('has some delayed actions among the running ones, each with a Dutch comment and a valid time', () => {
    const running = updates.filter((update) => update.actionId.startsWith('lopend-'));
    expect(running.some((update) => update.status === 'delayed')).toBe(true);
    expect(running.every((update) => update.comment.length > 0 && !Number.isNaN(Date.parse(update.recordedAt)))).toBe(true);
    expect(running.every((update) => update.percent >= 0 && update.percent <= 100)).toBe(true);
  });
});
