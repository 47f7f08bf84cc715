import { describe, expect, it } from 'vitest';
import type { Viewer } from './role';
import { holdsPortfolioOf, leadsTeamOf, teamOf } from './work-scope';

const viewer = (grants: Viewer['grants']): Viewer => ({ userId: 'u', name: 'U', email: 'u@example.nl', grants });

describe('what a grant covers', () => {
  it("gives a team lead the actions whose owner is their team, by name without regard to case or space, in that municipality only", () => {
    const lead = viewer([{ municipalityId: 'uithoorn', role: 'team_lead', team: 'Team Wonen' }]);
    expect(teamOf(lead, 'uithoorn')).toBe('Team Wonen');
    expect(leadsTeamOf(lead, 'uithoorn', ' team wonen ')).toBe(true);
    expect(leadsTeamOf(lead, 'uithoorn', 'Team Wonen en Ruimte')).toBe(false);
    expect(leadsTeamOf(lead, 'uithoorn', undefined)).toBe(false);
    expect(leadsTeamOf(lead, 'diemen', 'Team Wonen')).toBe(false);
    expect(teamOf(viewer([{ municipalityId: 'uithoorn', role: 'team_lead' }]), 'uithoorn')).toBeNull();
    expect(leadsTeamOf(viewer([{ municipalityId: 'uithoorn', role: 'college', team: 'Team Wonen' }]), 'uithoorn', 'Team Wonen')).toBe(false);
  });

  it('gives a college member every program without a portfolio, and the programs of its holders with one', () => {
    const college = viewer([{ municipalityId: 'uithoorn', role: 'college' }]);
    const alderman = viewer([{ municipalityId: 'uithoorn', role: 'college', portfolio: ['Wethouder Wonen'] }]);
    expect(holdsPortfolioOf(college, 'uithoorn', ['burgemeester'])).toBe(true);
    expect(holdsPortfolioOf(college, 'uithoorn', [])).toBe(true);
    expect(holdsPortfolioOf(alderman, 'uithoorn', ['burgemeester', 'wethouder wonen'])).toBe(true);
    expect(holdsPortfolioOf(alderman, 'uithoorn', ['burgemeester'])).toBe(false);
    expect(holdsPortfolioOf(college, 'diemen', ['burgemeester'])).toBe(false);
    expect(holdsPortfolioOf(viewer([{ municipalityId: 'uithoorn', role: 'admin' }]), 'uithoorn', ['burgemeester'])).toBe(false);
  });
});
