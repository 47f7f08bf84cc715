import type { Migration, MigrationProvider } from 'kysely';
import { programStructureMigration } from './0001-program-structure.migration';
import { trackingMigration } from './0002-tracking.migration';
import { indicatorResultsMigration } from './0003-indicator-results.migration';
import { accessMigration } from './0004-access.migration';
import { computationJobsMigration } from './0005-computation-jobs.migration';
import { structureMigration } from './0006-structure.migration';
import { sourcesMigration } from './0007-sources.migration';
import { computationScopeMigration } from './0008-computation-scope.migration';
import { workMigration } from './0009-work.migration';
import { reportsMigration } from './0010-reports.migration';

/**
 * Every migration, in code rather than read from a folder, so a bundled or
 * `tsx`-run server carries its schema with it. Names sort in the order they
 * run; never rename or edit one that has shipped: add the next instead.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-program-structure': programStructureMigration,
  '0002-tracking': trackingMigration,
  '0003-indicator-results': indicatorResultsMigration,
  '0004-access': accessMigration,
  '0005-computation-jobs': computationJobsMigration,
  '0006-structure': structureMigration,
  '0007-sources': sourcesMigration,
  '0008-computation-scope': computationScopeMigration,
  '0009-work': workMigration,
  '0010-reports': reportsMigration,
};

/** Kysely's Migrator reads the migrations above through this provider. */
export const inCodeMigrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...migrations }),
};
