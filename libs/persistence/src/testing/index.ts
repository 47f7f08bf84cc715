// Test helpers: the app database of a test, on DuckDB and on a real PostgreSQL server.
export { databaseKinds, openTestDatabase, type DatabaseKind, type TestDatabase } from './test-database';
export { startPostgresCluster, type PostgresCluster } from './postgres-cluster';
