import { describe, expect, it } from 'vitest';
import { programSchema } from './program.schema';

const action = { id: 'wet-open-overheid', title: 'Implementeren Wet open overheid', kind: 'new', priority: 'statutory' };

describe('programSchema', () => {
  it('accepts a program with effects, tasks and actions', () => {
    const program = programSchema.parse({
      title: 'Bestuur',
      effects: [{ id: 'open-bestuur', title: 'Een open bestuurscultuur', indicators: ['woo-termijn'] }],
      tasks: [{ id: 'transparantie', title: 'Transparant bestuur', effects: ['open-bestuur'], actions: [action] }],
    });
    expect(program.tasks[0]?.actions[0]?.kind).toBe('new');
    expect(program.portfolioHolders).toEqual([]);
  });

  it('names an unknown field', () => {
    const result = programSchema.safeParse({ title: 'Bestuur', budgett: 12 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it('refuses an action due before it starts', () => {
    const result = programSchema.safeParse({
      title: 'Bestuur',
      tasks: [{ id: 't', title: 'T', actions: [{ ...action, start: '2021-06-01', due: '2021-01-01' }] }],
    });
    expect(result.error?.issues[0]?.path).toEqual(['tasks', 0, 'actions', 0, 'due']);
  });

  it('refuses a date that does not exist', () => {
    const result = programSchema.safeParse({
      title: 'Bestuur',
      tasks: [{ id: 't', title: 'T', actions: [{ ...action, due: '2021-02-30' }] }],
    });
    expect(result.error?.issues[0]?.message).toMatch(/not a real calendar date/);
  });
});
