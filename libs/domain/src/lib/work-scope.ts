import type { Viewer } from './role';

/** How names of teams and portfolio holders compare: without regard to case or surrounding space. */
export function sameName(left: string, right: string): boolean {
  return left.trim().toLocaleLowerCase('nl') === right.trim().toLocaleLowerCase('nl');
}

/** The team the viewer leads in the municipality (its team-lead grant's `team`), or null. */
export function teamOf(viewer: Viewer | null | undefined, municipalityId: string): string | null {
  const grant = viewer?.grants.find((candidate) => candidate.municipalityId === municipalityId && candidate.role === 'team_lead');
  return grant?.team?.trim() || null;
}

/** Whether an action with this owner belongs to the viewer's team in the municipality. */
export function leadsTeamOf(viewer: Viewer | null | undefined, municipalityId: string, owner: string | null | undefined): boolean {
  const team = teamOf(viewer, municipalityId);
  return team !== null && owner !== undefined && owner !== null && sameName(team, owner);
}

/**
 * Whether the viewer is a college member whose portfolio covers a program with
 * these portfolio holders: a grant without a portfolio covers every program of
 * the municipality; one with a portfolio, the programs that name one of its
 * holders.
 */
export function holdsPortfolioOf(viewer: Viewer | null | undefined, municipalityId: string, portfolioHolders: readonly string[]): boolean {
  return (
    viewer?.grants.some((grant) => {
      if (grant.municipalityId !== municipalityId || grant.role !== 'college') return false;
      const portfolio = grant.portfolio;
      if (portfolio === undefined || portfolio === null) return true;
      return portfolioHolders.some((holder) => portfolio.some((held) => sameName(held, holder)));
    }) ?? false
  );
}
