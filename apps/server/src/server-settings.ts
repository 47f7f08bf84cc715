import type { DatabaseConfig } from '@koers/persistence';

/** What the server is told by its environment (`server.env.ts` reads and checks it). */
export interface ServerSettings {
  readonly port: number;
  readonly host: string;
  /** The app database: the embedded DuckDB file, or PostgreSQL with `DATABASE_URL`. */
  readonly database: DatabaseConfig;
  /** Whether to fill an empty database with the demo municipalities and users and print the sign-ins. */
  readonly isDemo: boolean;
  /** Absolute path of the built dashboard (`index.html` and its assets). */
  readonly dashboardDirectory: string;
  /** Absolute path of the folder with one demo workspace per municipality. */
  readonly demoDirectory: string;
  /**
   * Absolute path of the folder that holds the municipalities' workspaces the
   * installation serves and changes (`<id>/`); the demo is copied here. Several
   * instances must see the same folder.
   */
  readonly workspacesDirectory: string;
  readonly computation: ComputationSettings;
  readonly auth: AuthSettings;
  /** Uploads of the data team's sources. */
  readonly sources: SourceSettings;
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
  /** A computation whose instance has been silent this long is taken over by another instance. */
  readonly staleAfterMs: number;
}

/** How the data team's uploads are taken and kept. */
export interface SourceSettings {
  /** The largest file an upload may bring, in bytes (413 past it). */
  readonly uploadLimitBytes: number;
  /**
   * Absolute path of the folder that keeps every version of every source as
   * an immutable file (`<municipality>/<source>/<sha256>.<ext>`), outside the
   * workspaces, for the history and rollback; uploads wait in
   * `<municipality>/.uploads/`. Several instances must see the same folder.
   */
  readonly versionsDirectory: string;
}

/** How people sign in, and what protects their sessions. */
export interface AuthSettings {
  /** Signs the session cookie; outside demo mode it must be the installation's own. */
  readonly sessionSecret: string;
  /** How long a session lasts after signing in. */
  readonly sessionMs: number;
  /**
   * Origins (`https://koers.uithoorn.nl`) a state-changing request may come
   * from, besides the server's own (the request's Host). Requests without an
   * Origin must carry the header `X-Koers-Request`.
   */
  readonly allowedOrigins: readonly string[];
  /** The municipality's identity provider, when configured. */
  readonly oidc: OidcSettings | null;
  /** Failed sign-ins within `windowMs` before 429: per account and per address. */
  readonly signInLimits: { readonly perAccount: number; readonly perAddress: number; readonly windowMs: number };
  /** Trust `X-Forwarded-*` from a reverse proxy (for the client address and https). */
  readonly isBehindProxy: boolean;
}

/** OpenID Connect: the identity provider's issuer, and Koers's client there. */
export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The label on the sign-in page's button. */
  readonly label: string;
}
