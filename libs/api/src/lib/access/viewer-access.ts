import type { Role, Viewer } from '@koers/domain';

/** Whether the viewer holds one of `roles` in the municipality. */
export function mayIn(viewer: Viewer | null, municipalityId: string, roles: readonly Role[]): boolean {
  return viewer?.grants.some((grant) => grant.municipalityId === municipalityId && roles.includes(grant.role)) ?? false;
}

/** The municipalities in which the viewer holds one of `roles`. */
export function municipalitiesWhere(viewer: Viewer | null, roles: readonly Role[]): Set<string> {
  return new Set(viewer?.grants.filter((grant) => roles.includes(grant.role)).map((grant) => grant.municipalityId) ?? []);
}
