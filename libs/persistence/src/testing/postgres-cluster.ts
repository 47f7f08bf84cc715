import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A throwaway PostgreSQL server for tests: its own cluster in a temp folder, on 127.0.0.1. */
export interface PostgresCluster {
  /** A connection string to its `postgres` database, as the superuser `koers`. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts Debian's PostgreSQL (`apt-get install postgresql`) in a temp folder
 * on a free port of 127.0.0.1, without fsync (a test database need not
 * survive a power cut). As root, initdb and the server run as the `postgres`
 * user, which owns the folder. Takes about 3–6 s.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinaries();
  const folder = await mkdtemp(join(tmpdir(), 'koers-postgres-'));
  const isRoot = process.getuid?.() === 0;
  const asPostgres = async (command: string, args: string[]) => {
    if (isRoot) return run('runuser', ['-u', 'postgres', '--', command, ...args]);
    return run(command, args);
  };
  if (isRoot) await chown(folder, ...(await postgresIds()));
  const port = await freePort();
  await asPostgres(join(bin, 'initdb'), ['-D', folder, '-A', 'trust', '-U', 'koers', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const options = `-p ${port} -k ${folder} -h 127.0.0.1 -F -c max_connections=200`;
  await asPostgres(join(bin, 'pg_ctl'), ['-D', folder, '-o', options, '-l', join(folder, 'server.log'), '-w', 'start']);
  return {
    url: `postgres://koers@127.0.0.1:${port}/postgres`,
    async stop() {
      await asPostgres(join(bin, 'pg_ctl'), ['-D', folder, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** The folder with initdb and pg_ctl: Debian's `/usr/lib/postgresql/<version>/bin`, newest first. */
function postgresBinaries(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((left, right) => Number(right) - Number(left)) : [];
  const bin = versions.map((version) => join(base, version, 'bin')).find((folder) => existsSync(join(folder, 'initdb')));
  if (bin === undefined) {
    throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run `apt-get install -y postgresql` (npm test does this for you).');
  }
  return bin;
}

async function postgresIds(): Promise<[number, number]> {
  const { stdout } = await run('id', ['-u', 'postgres']);
  const { stdout: group } = await run('id', ['-g', 'postgres']);
  return [Number(stdout.trim()), Number(group.trim())];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
