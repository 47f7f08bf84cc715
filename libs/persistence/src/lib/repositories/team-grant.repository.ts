import type { TeamLead } from '@koers/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../database';

/** Everyone with a team-lead grant and a team in the municipality, by team and name. */
export async function listTeamLeads(db: Kysely<Database>, municipalityId: string): Promise<TeamLead[]> {
  const rows = await db
    .selectFrom('grants')
    .innerJoin('users', 'users.id', 'grants.user_id')
    .select(['users.name', 'users.email', 'grants.team'])
    .where('grants.municipality_id', '=', municipalityId)
    .where('grants.role', '=', 'team_lead')
    .where('grants.team', 'is not', null)
    .orderBy('grants.team')
    .orderBy('users.name')
    .execute();
  return rows.flatMap((row) => (row.team === null || row.team.trim() === '' ? [] : [{ name: row.name, email: row.email, team: row.team }]));
}

/**
 * Sets what one grant covers: a team lead's team, a college member's
 * portfolio (null: every portfolio). The grant must exist; nothing else of it
 * changes. Neither column is indexed, so this is an update DuckDB allows.
 */
export async function setGrantScope(
  db: Kysely<Database>,
  grant: { readonly userId: string; readonly municipalityId: string; readonly role: string },
  scope: { readonly team?: string | null; readonly portfolio?: readonly string[] | null },
): Promise<boolean> {
  const result = await db
    .updateTable('grants')
    .set({
      ...(scope.team === undefined ? {} : { team: scope.team }),
      ...(scope.portfolio === undefined ? {} : { portfolio: scope.portfolio === null ? null : JSON.stringify(scope.portfolio) }),
    })
    .where('user_id', '=', grant.userId)
    .where('municipality_id', '=', grant.municipalityId)
    .where('role', '=', grant.role)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
