import { randomBytes } from 'node:crypto';
import { totalmem } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { repositoryRoot } from '../../../tools/repository-root.mjs';
import type { ServerSettings } from './server-settings';

export type { AuthSettings, ComputationSettings, OidcSettings, ServerSettings, SourceSettings } from './server-settings';

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
    const units: Record<string, number> = {
      kb: 1e3,
      mb: 1e6,
      gb: 1e9,
      tb: 1e12,
      kib: 2 ** 10,
      mib: 2 ** 20,
      gib: 2 ** 30,
      tib: 2 ** 40,
    };
    return Math.floor(Number(amount) * (units[unit.toLowerCase()] ?? 1));
  });

const wholeNumber = (message: string, minimum: number) =>
  z.coerce.number({ message }).int(message).min(minimum, message);

/**
 * The default DuckDB memory budget of all computations together: a quarter of
 * the machine's memory, at most 4 GiB, so the app database, Node and the
 * operating system keep room.
 */
export const defaultEngineMemoryBytes = Math.min(4 * 2 ** 30, Math.floor(totalmem() / 4));

const environmentSchema = z
  .object({
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
    KOERS_WORKSPACES_DIR: pathText.default(resolve(repositoryRoot, 'var/workspaces')),
  KOERS_BENCH: booleanText.default(false),
    KOERS_ENGINE_DIR: pathText.default(resolve(repositoryRoot, 'var/engines')),
    KOERS_ENGINE_MEMORY: byteSize.optional(),
    KOERS_COMPUTE_CONCURRENCY: wholeNumber('must be a whole number of 1 or more (for example 1)', 1).default(1),
    KOERS_COMPUTE_TIMEOUT_SECONDS: wholeNumber(
      'must be a whole number of seconds, 1 or more (for example 600)',
      1,
    ).default(600),
    KOERS_QUERY_TIMEOUT_SECONDS: wholeNumber(
      'must be a whole number of seconds, 1 or more (for example 30)',
      1,
    ).default(30),
    KOERS_WATCH_SECONDS: z.coerce
      .number({ message: 'must be a number of seconds (for example 5; 0 turns watching off)' })
      .min(0, 'must be 0 or more (0 turns watching off)')
      .default(5),
    KOERS_COMPUTE_STALE_SECONDS: wholeNumber('must be a whole number of seconds, 1 or more (for example 30)', 1).default(30),
  DATABASE_URL: z
      .string()
      .regex(
        /^postgres(ql)?:\/\//,
        'must be a PostgreSQL URL, postgres://user:password@host:5432/koers (leave it out for the embedded DuckDB file)',
      )
      .optional(),
    KOERS_SESSION_SECRET: z
      .string()
      .min(32, 'must be at least 32 characters (for example: openssl rand -base64 48)')
      .optional(),
    KOERS_SESSION_HOURS: z.coerce
      .number({ message: 'must be a number of hours (for example 12)' })
      .positive('must be more than 0')
      .max(24 * 30)
      .default(12),
    KOERS_ALLOWED_ORIGINS: z
      .string()
      .default('')
      .transform((text) =>
        text
          .split(',')
          .map((origin) => origin.trim())
          .filter((origin) => origin !== ''),
      )
      .refine(
        (origins) => origins.every((origin) => /^https?:\/\/[^/]+$/.test(origin)),
        'must be origins separated by commas, such as https://koers.uithoorn.nl',
      ),
    KOERS_OIDC_ISSUER: z
      .url({ message: "must be the identity provider's issuer URL (https://login.uithoorn.nl/realms/gemeente)" })
      .optional(),
    KOERS_OIDC_CLIENT_ID: z.string().min(1).optional(),
    KOERS_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    KOERS_OIDC_LABEL: z.string().min(1).default('Aanmelden met uw gemeenteaccount'),
    KOERS_TRUST_PROXY: booleanText.default(false),
    KOERS_UPLOAD_LIMIT: byteSize.default(2 ** 30),
    KOERS_SOURCE_VERSIONS_DIR: pathText.default(resolve(repositoryRoot, 'var/source-versions')),
  })
  .superRefine((env, context) => {
    if (!env.KOERS_DEMO && env.KOERS_SESSION_SECRET === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['KOERS_SESSION_SECRET'],
        message:
          'must be set outside demo mode: a random text of at least 32 characters of this installation only (for example: openssl rand -base64 48)',
      });
    }
    const oidc = [env.KOERS_OIDC_ISSUER, env.KOERS_OIDC_CLIENT_ID, env.KOERS_OIDC_CLIENT_SECRET];
    if (oidc.some((value) => value !== undefined) && oidc.some((value) => value === undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['KOERS_OIDC_ISSUER'],
        message:
          'KOERS_OIDC_ISSUER, KOERS_OIDC_CLIENT_ID and KOERS_OIDC_CLIENT_SECRET go together: set all three, or none',
      });
    }
  });

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
    database:
      env.DATABASE_URL === undefined
        ? { kind: 'duckdb', path: env.KOERS_DATABASE }
        : { kind: 'postgres', connectionString: env.DATABASE_URL },
    isDemo: env.KOERS_DEMO,
    dashboardDirectory: env.KOERS_DASHBOARD_DIR,
    demoDirectory: env.KOERS_DEMO_DIR,
    workspacesDirectory: env.KOERS_WORKSPACES_DIR,
    isBenchmark: env.KOERS_BENCH,
    computation: {
      engineDirectory: env.KOERS_ENGINE_DIR,
      memoryBudgetBytes: env.KOERS_ENGINE_MEMORY ?? defaultEngineMemoryBytes,
      concurrency: env.KOERS_COMPUTE_CONCURRENCY,
      timeoutMs: env.KOERS_COMPUTE_TIMEOUT_SECONDS * 1000,
      queryTimeoutMs: env.KOERS_QUERY_TIMEOUT_SECONDS * 1000,
      watchIntervalMs: env.KOERS_WATCH_SECONDS * 1000,
      staleAfterMs: env.KOERS_COMPUTE_STALE_SECONDS * 1000,
    },
    auth: {
      // Demo mode without a secret of its own: a fresh one per start (sessions end with the process).
      sessionSecret: env.KOERS_SESSION_SECRET ?? randomBytes(48).toString('base64'),
      sessionMs: env.KOERS_SESSION_HOURS * 3_600_000,
      allowedOrigins: env.KOERS_ALLOWED_ORIGINS,
      oidc:
        env.KOERS_OIDC_ISSUER !== undefined &&
        env.KOERS_OIDC_CLIENT_ID !== undefined &&
        env.KOERS_OIDC_CLIENT_SECRET !== undefined
          ? {
              issuer: env.KOERS_OIDC_ISSUER,
              clientId: env.KOERS_OIDC_CLIENT_ID,
              clientSecret: env.KOERS_OIDC_CLIENT_SECRET,
              label: env.KOERS_OIDC_LABEL,
            }
          : null,
      signInLimits: { perAccount: 10, perAddress: 50, windowMs: 15 * 60_000 },
      isBehindProxy: env.KOERS_TRUST_PROXY,
    },
    sources: { uploadLimitBytes: env.KOERS_UPLOAD_LIMIT, versionsDirectory: env.KOERS_SOURCE_VERSIONS_DIR },
  };
}
