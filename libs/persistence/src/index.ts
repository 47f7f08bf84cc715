export { openDatabase, migrateToLatest, type DatabaseConfig } from './lib/open-database';
export type { AppDatabase, Database } from './lib/database';
export { DuckDBDialect, type DuckDBDialectConfig } from './lib/duckdb/duckdb.dialect';
export { migrations } from './lib/migrations/migration.provider';
export { createKoersCatalog } from './lib/repositories/koers-catalog';
export { listPrograms } from './lib/repositories/program.repository';
export {
  hasMunicipalities,
  listMunicipalities,
  listMunicipalityWorkspaces,
  saveMunicipality,
  type MunicipalityWorkspace,
} from './lib/repositories/municipality.repository';
export {
  importWorkspace,
  importWorkspaceIfChanged,
  structureHashOf,
  WorkspaceImportError,
  type ImportOptions,
  type ImportSummary,
} from './lib/repositories/workspace-import.repository';
export {
  computationHistory,
  failComputation,
  failInterruptedComputations,
  listComputations,
  startComputation,
  storeComputation,
} from './lib/repositories/computation.repository';
export {
  beatComputation,
  claimNextComputation,
  enqueueComputation,
  listBusyMunicipalities,
  recoverStaleComputations,
} from './lib/repositories/computation-queue.repository';
export { readDataVersion } from './lib/repositories/data-version.repository';
export { listStoredIndicatorEverywhere, listStoredIndicators } from './lib/repositories/indicator-results.repository';
export { hasProgress, listLatestProgress, saveProgressUpdates, type NewProgressUpdate } from './lib/repositories/progress.repository';
export { listProgressUpdates, recordProgressReport } from './lib/repositories/progress.repository';
export {
  findUserByEmail,
  findUserById,
  findUserByOidcSubject,
  linkOidcSubject,
  listUsers,
  normalizeEmail,
  saveUsers,
  type NewUser,
  type User,
  type UserCredentials,
} from './lib/repositories/user.repository';
export {
  clearSignInFailures,
  countSignInFailures,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  findSession,
  recordSignInFailure,
  type StoredSession,
} from './lib/repositories/session.repository';
export { hasAuditBy, listAudit, recordAudit, searchAudit, type AuditEntry } from './lib/repositories/audit-log.repository';
export {
  findSourceVersion,
  listMunicipalitySourceVersions,
  listSourceVersions,
  recordSourceVersion,
  type KeptSourceVersion,
  type NewSourceVersion,
} from './lib/repositories/source-version.repository';
export {
  createSourceJob,
  failStaleSourceJobs,
  findSourceJob,
  listSourceJobs,
  updateSourceJob,
  workingSourceJobStates,
  type SourceJobChange,
  type StoredSourceJob,
} from './lib/repositories/source-job.repository';
export { createApiToken, findActiveApiToken, listApiTokens, revokeApiToken, touchApiToken, type NewApiToken } from './lib/repositories/api-token.repository';
export { ComputationSlotBusyError, holdComputationSlot } from './lib/repositories/computation-queue.repository';
export { commentaryHistory, listCurrentCommentary, recordCommentary, type CommentaryAuthor } from './lib/repositories/commentary.repository';
export { listTeamLeads, setGrantScope } from './lib/repositories/team-grant.repository';
export { createWorkCatalog } from './lib/repositories/work-catalog';
export { createReportCatalog, createReportCommands } from './lib/repositories/report-catalog';
export { listMotions, saveMotion, saveMotionResponse } from './lib/repositories/motion.repository';
export {
  approveReport,
  findReport,
  listProgressAsOf,
  listReports,
  openReport,
  publishReport,
  readReportSettings,
  readReportSnapshot,
  saveExplanation,
  saveReportSettings,
  startCorrection,
  type ReportActor,
} from './lib/repositories/report.repository';
export { answerQuestion, askQuestion, listQuestions } from './lib/repositories/report-question.repository';
