import { holdsPortfolioOf, type Role, teamOf, type Viewer } from '@koers/domain';
import { rolesIn } from '../session/viewer-abilities';

/**
 * What the screens of issue 8 offer whom, after the server's access table
 * (`libs/api/src/lib/access/access-table.ts`), which the server enforces
 * whatever the dashboard shows; the dashboard only hides what a user cannot use.
 */
const programEditors: readonly Role[] = ['admin', 'college'];
const boardReaders: readonly Role[] = ['admin', 'college', 'data_team', 'team_lead'];

/** "Programma bewerken": admins and the college. */
export function mayEditPrograms(viewer: Viewer | null | undefined, municipalityId: string): boolean {
  return rolesIn(viewer, municipalityId).some((role) => programEditors.includes(role));
}

/** The actions board: everyone who reads the live figures. */
export function mayReadActionsBoard(viewer: Viewer | null | undefined, municipalityId: string): boolean {
  return rolesIn(viewer, municipalityId).some((role) => boardReaders.includes(role));
}

/** Commentary on a program with these portfolio holders: a college member whose portfolio covers it. */
export function mayWriteCommentaryFor(
  viewer: Viewer | null | undefined,
  municipalityId: string,
  portfolioHolders: readonly string[],
): boolean {
  return holdsPortfolioOf(viewer, municipalityId, portfolioHolders);
}

/** The team the viewer leads in the municipality, or null. */
export function viewerTeamIn(viewer: Viewer | null | undefined, municipalityId: string): string | null {
  return teamOf(viewer, municipalityId);
}
