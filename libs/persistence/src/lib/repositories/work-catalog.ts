import type { WorkCatalog } from '@koers/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../database';
import { commentaryHistory, listCurrentCommentary } from './commentary.repository';
import { listProgressUpdates } from './progress.repository';
import { listTeamLeads } from './team-grant.repository';

/** The `WorkCatalog` the API reads progress, commentary and team leads through, on this database. */
export function createWorkCatalog(db: Kysely<Database>): WorkCatalog {
  return {
    listProgressUpdates: (municipalityId) => listProgressUpdates(db, municipalityId),
    listCommentary: (municipalityId) => listCurrentCommentary(db, municipalityId),
    commentaryHistory: (municipalityId, effectId, quarter) => commentaryHistory(db, municipalityId, effectId, quarter),
    listTeamLeads: (municipalityId) => listTeamLeads(db, municipalityId),
  };
}
