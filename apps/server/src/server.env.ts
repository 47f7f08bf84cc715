import { totalmem } from 'node:os';
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

/** A byte size: `4GB`, `512MB`, `1.5GiB` (1 GB = 10⁹ bytes, 1 GiB = 2³⁰). */
const byteSize = z
  .string()
  .regex(/^\d+(\.\d+)?\s*(kb|mb|gb|tb|kib|mib|gib|tib)$/i, 'must be a size such as 4GB or 512MB')
  .transform((text) => {
    const [, amount = '0', unit = 'b'] = /^([\d.]+)\s*(\w+)$/.exec(text) ?? [];
    const units: Record<string, number> = { kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30, tib: 2 ** 40 };
    return Math.floor(Number(amount) * (units[unit.toLowerCase()] ?? 1));
  });

const wholeNumber = (message: string, minimum: number) => z.coerce.number({ message }).int(message).min(minimum, message);

/**
 * The default DuckDB memory budget of all computations together: a quarter of
 * the machine's memory, at most 4 GiB, so the app database, Node and the
 * operating system keep room.
 */
export const defaultEngineMemoryBytes = Math.min(4 * 2 ** 30, Math.floor(totalmem() / 4));

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
  KOERS_BENCH: booleanText.default(false),
  KOERS_ENGINE_DIR: pathText.default(resolve(repositoryRoot, 'var/engines')),
  KOERS_ENGINE_MEMORY: byteSize.optional(),
  KOERS_COMPUTE_CONCURRENCY: wholeNumber('must be a whole number of 1 or more (for example 1)', 1).default(1),
  KOERS_COMPUTE_TIMEOUT_SECONDS: wholeNumber('must be a whole number of seconds, 1 or more (for example 600)', 1).default(600),
  KOERS_QUERY_TIMEOUT_SECONDS: wholeNumber('must be a whole number of seconds, 1 or more (for example 30)', 1).default(30),
  KOERS_WATCH_SECONDS: z.coerce
    .number({ message: 'must be a number of seconds (for example 5; 0 turns watching off)' })
    .min(0, 'must be 0 or more (0 turns watching off)')
    .default(5),
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
  /** How the server computes the indicators. */
  readonly computation: ComputationSettings;
  /** Mounts `bench.bare` for `npm run bench:api`; never in production. */
  readonly isBenchmark: boolean;
}

/** How the server runs the KPI engine. */
export interface ComputationSettings {
  /** Absolute path of the folder with each municipality's engine database. */
  readonly engineDirectory: string;
  /** DuckDB memory of all computations together, in bytes. */
  readonly memoryBudgetBytes: number;
  /** Computations at once, each in its own process with its share of the memory. */
  readonly concurrency: number;
  /** A computation is stopped past this. */
  readonly timeoutMs: number;
  /** One definition query is interrupted past this. */
  readonly queryTimeoutMs: number;
  /** How often the workspaces are checked for changed files; 0: never. */
  readonly watchIntervalMs: number;
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
    isBenchmark: env.KOERS_BENCH,
    computation: {
      engineDirectory: env.KOERS_ENGINE_DIR,
      memoryBudgetBytes: env.KOERS_ENGINE_MEMORY ?? defaultEngineMemoryBytes,
      concurrency: env.KOERS_COMPUTE_CONCURRENCY,
      timeoutMs: env.KOERS_COMPUTE_TIMEOUT_SECONDS * 1000,
      queryTimeoutMs: env.KOERS_QUERY_TIMEOUT_SECONDS * 1000,
      watchIntervalMs: env.KOERS_WATCH_SECONDS * 1000,
    },
  };
}
