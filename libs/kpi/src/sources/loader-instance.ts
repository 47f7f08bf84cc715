import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/**
 * A short-lived DuckDB instance that reads a source's files and nothing else:
 * external access is off except for the workspace root (`allowed_directories`),
 * extensions are neither installed nor loaded on demand, and the configuration
 * is locked before the first read. It runs only SQL the loader writes itself;
 * its rows reach the sandboxed database through an appender.
 */
export async function openLoaderInstance(realRoot: string): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> {
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    threads: '2',
  });
  const connection = await instance.connect();
  const directory = realRoot.endsWith('/') ? realRoot : `${realRoot}/`;
  // allowed_directories cannot be passed at creation (the C API refuses a list),
  // and must be set before external access goes off; then everything is locked.
  await connection.run(`SET allowed_directories = ['${directory.replace(/'/g, "''")}']`);
  await connection.run('SET enable_external_access = false');
  await connection.run('SET lock_configuration = true');
  return { instance, connection };
}
