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
  /**
   * A team lead's team: the owner name its actions carry (`owner: Team Wonen`).
   * A team lead without one reports on no action. Left out or null on other roles.
   */
  readonly team?: string | null;
  /**
   * A college member's portfolio: the portfolio holders (`portfolioHolders` of a
   * program, such as `wethouder Wonen`) whose programs it writes commentary for.
   * Null or left out: every portfolio of the municipality (the college as a whole).
   */
  readonly portfolio?: readonly string[] | null;
}

/** Who is signed in, as the API sees them. */
export interface Viewer {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly grants: readonly Grant[];
}
