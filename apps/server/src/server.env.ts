import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { repositoryRoot } from '../../../tools/repository-root.mjs';

/** The root of the repository, whatever folder the server is started from (or built to). */
export { repositoryRoot };

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((text) => ['true', '1', 'yes'].includes(text));

/** A path as given, or relative to the repository root. */
const pathText = z
  .string()
  .min(1, 'must be a path')
  .transform((path) => (isAbsolute(path) ? path : resolve(repositoryRoot, path)));

const portMessage = 'must be a port number from 0 to 65535 (for example 3000; 0 takes a free port)';

const environmentSchema = z.object({
  PORT: z.coerce
    .number({ message: portMessage })
    .int(portMessage)
    .min(0, portMessage)
    .max(65535, portMessage)
    .default(3000),
  // Loopback by default: a first start on a laptop should not be reachable from the network.
  HOST: z.string().min(1, 'must be a host name or address (for example 0.0.0.0)').default('127.0.0.1'),
  KOERS_DATABASE: pathText.default(resolve(repositoryRoot, 'var/koers.duckdb')),
  KOERS_DEMO: booleanText.default(true),
  KOERS_DASHBOARD_DIR: pathText.default(resolve(repositoryRoot, 'dist/apps/dashboard/browser')),
  KOERS_DEMO_DIR: pathText.default(resolve(repositoryRoot, 'data/demo')),
});

/** What the server is told by its environment, checked at start-up. */
export interface ServerSettings {
  readonly port: number;
  readonly host: string;
  /** Absolute path of the DuckDB file. */
  readonly databasePath: string;
  /** Whether to fill an empty database with the demo municipalities and print the demo sign-ins. */
  readonly isDemo: boolean;
  /** Absolute path of the built dashboard (`index.html` and its assets). */
  readonly dashboardDirectory: string;
  /** Absolute path of the folder with one demo workspace per municipality. */
  readonly demoDirectory: string;
}

/**
 * Reads the settings from the environment; throws one message naming every
 * variable that is wrong and what it must be, so start-up fails before
 * anything is opened.
 */
export function readServerSettings(environment: NodeJS.ProcessEnv): ServerSettings {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`The server's environment is not valid:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    host: env.HOST,
    databasePath: env.KOERS_DATABASE,
    isDemo: env.KOERS_DEMO,
    dashboardDirectory: env.KOERS_DASHBOARD_DIR,
    demoDirectory: env.KOERS_DEMO_DIR,
  };
}
