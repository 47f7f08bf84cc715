import type { Role } from '@koers/domain';

/**
 * Who may call a procedure:
 * - `public`: anyone, signed in or not;
 * - `municipality`: a signed-in user with one of `roles` in the municipality
 *   the input names (`municipalityId`);
 * - `own_municipalities`: a signed-in user with one of `roles` in at least one
 *   municipality; the procedure answers for those municipalities only.
 */
export type Access =
  | { readonly kind: 'public' }
  | { readonly kind: 'municipality'; readonly roles: readonly Role[] }
  | { readonly kind: 'own_municipalities'; readonly roles: readonly Role[] };

/** Everyone who reads the live figures: not (yet) the council, which reads published reports. */
export const readers: readonly Role[] = ['admin', 'college', 'data_team', 'team_lead'];

/** Every role: who may at least see that a municipality is there. */
export const anyRole: readonly Role[] = ['admin', 'college', 'data_team', 'team_lead', 'council'];
