export { openDatabase, migrateToLatest, type DatabaseConfig } from './lib/open-database';
export type { AppDatabase, Database } from './lib/database';
export { DuckDBDialect, type DuckDBDialectConfig } from './lib/duckdb/duckdb.dialect';
export { migrations } from './lib/migrations/migration.provider';
export { createProgramCatalog, listPrograms } from './lib/repositories/program.repository';
export { hasMunicipalities, listMunicipalities, saveMunicipality } from './lib/repositories/municipality.repository';
export {
  importWorkspace,
  WorkspaceImportError,
  type ImportOptions,
  type ImportSummary,
} from './lib/repositories/workspace-import.repository';
export { insertUsers, listUsers, type User } from './lib/repositories/user.repository';
export { hasAuditBy, listAudit, recordAudit, type AuditEntry, type AuditRecord } from './lib/repositories/audit-log.repository';
