import type { Role, Viewer } from '@koers/domain';

/**
 * What the screens offer whom, after the server's access table (which the
 * server enforces; `viewer-abilities.spec.ts` asks the real router, role by
 * role, that the two agree). The dashboard only hides what a user cannot use.
 */
const liveFigureReaders: readonly Role[] = ['admin', 'college', 'data_team', 'team_lead'];
const computationRunners: readonly Role[] = ['admin', 'data_team'];
const auditReaders: readonly Role[] = ['admin'];
// The data team's own work; admins, who may do everything, too (as the server's access table says).
const sourceKeepers: readonly Role[] = ['admin', 'data_team'];

/** The roles `viewer` holds in `municipalityId`. */
export function rolesIn(viewer: Viewer | null | undefined, municipalityId: string): readonly Role[] {
  return viewer?.grants.filter((grant) => grant.municipalityId === municipalityId).map((grant) => grant.role) ?? [];
}

/** Whether `viewer` holds any role in `municipalityId`. */
export function hasGrantIn(viewer: Viewer | null | undefined, municipalityId: string): boolean {
  return rolesIn(viewer, municipalityId).length > 0;
}

/** The overview, programs, indicators and comparisons: not (yet) the council, which reads published reports. */
export function mayReadLiveFigures(viewer: Viewer | null | undefined, municipalityId: string): boolean {
  return rolesIn(viewer, municipalityId).some((role) => liveFigureReaders.includes(role));
}

/** "Nu opnieuw berekenen" and the computations' records. */
export function mayRunComputations(viewer: Viewer | null | undefined, municipalityId: string): boolean {
  return rolesIn(viewer, municipalityId).some((role) => computationRunners.includes(role));
}

/** The audit trail (logboek). */
export function mayReadAudit(viewer: Viewer | null | undefined, municipalityId: string): boolean {
  return rolesIn(viewer, municipalityId).some((role) => auditReaders.includes(role));
}

/** The sources (upload, preview, versions) in the toolbar and, from there, the personal API tokens. */
export function mayManageSources(viewer: Viewer | null | undefined, municipalityId: string): boolean {
  return rolesIn(viewer, municipalityId).some((role) => sourceKeepers.includes(role));
}
