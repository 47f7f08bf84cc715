/**
 * Who someone is in Koers (DESIGN.md): the college (executive board), the data
 * team, a team lead, the council, or the public.
 */
export const roles = ['college', 'data_team', 'team_lead', 'council', 'public'] as const;
export type Role = (typeof roles)[number];
