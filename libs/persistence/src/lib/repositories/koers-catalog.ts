import type { KoersCatalog } from '@koers/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../database';
import { searchAudit } from './audit-log.repository';
import { computationHistory, listComputations } from './computation.repository';
import { listStoredIndicatorEverywhere, listStoredIndicators } from './indicator-results.repository';
import { listMunicipalities } from './municipality.repository';
import { listPrograms } from './program.repository';
import { listLatestProgress } from './progress.repository';

/** The catalog the API reads everything through, on this database. */
export function createKoersCatalog(db: Kysely<Database>): KoersCatalog {
  return {
    listMunicipalities: () => listMunicipalities(db),
    listPrograms: (municipalityId) => listPrograms(db, municipalityId),
    listIndicators: (municipalityId) => listStoredIndicators(db, municipalityId),
    listIndicatorEverywhere: (indicatorId) => listStoredIndicatorEverywhere(db, indicatorId),
    listLatestProgress: (municipalityId) => listLatestProgress(db, municipalityId),
    computationHistory: (municipalityId) => computationHistory(db, municipalityId),
    listComputations: (municipalityId, limit) => listComputations(db, municipalityId, limit),
    listAudit: (filter) => searchAudit(db, filter),
  };
}
