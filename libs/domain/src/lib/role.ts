/**
 * What someone may do in a municipality (DESIGN.md): `admin` manages the
 * installation's users and reads the audit trail; the `college` (executive
 * board) sees all of its municipality and writes commentary; the `data_team`
 * keeps sources and indicators; a `team_lead` reports the progress of its
 * team's actions; the `council` reads published reports. The public signs in
 * as no one.
 */
export const roles = ['admin', 'college', 'data_team', 'team_lead', 'council'] as const;
export type Role = (typeof roles)[number];

/** One role in one municipality: what a user may do where. */
export interface Grant {
  readonly municipalityId: string;
  readonly role: Role;
}

/** Who is signed in, as the API sees them. */
export interface Viewer {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly grants: readonly Grant[];
}
