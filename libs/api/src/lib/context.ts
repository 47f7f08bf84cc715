import type { KoersCatalog, KoersCommands, ReportCatalog, ReportCommands, ReportCommentarySource, Viewer } from '@koers/domain';
import type { ReadModelCache } from './read-model-cache';

/** Whether the installation shows fictitious demo data (the dashboard then says so on every page). */
export type InstallationMode = 'demo' | 'production';

/**
 * What every procedure can reach; built once per request by the server.
 * Free of Node types: the dashboard type-checks this file through `AppRouter`.
 */
export interface ApiContext {
  readonly catalog: KoersCatalog;
  /** What the API may change; left out, every mutation fails (tests of reads). */
  readonly commands?: KoersCommands;
  /** The quarterly reports, motions and the council's questions; left out, those procedures answer METHOD_NOT_SUPPORTED. */
  readonly reports?: ReportCatalog;
  /** What the API may change of reports, motions and questions, each audited; left out, those mutations answer METHOD_NOT_SUPPORTED. */
  readonly reportCommands?: ReportCommands;
  /** The college's commentary per effect per quarter, as reports take it over; left out, reports have none. */
  readonly reportCommentary?: ReportCommentarySource;
  /** Who is signed in, with their grants; null for nobody. */
  readonly viewer: Viewer | null;
  readonly mode: InstallationMode;
  /** The municipality's identity provider, for the sign-in page's button; null or left out when none is configured. */
  readonly identityProvider?: { readonly label: string } | null;
  /**
   * Keeps built read models until the stored data changes; left out, every
   * request reads and builds anew (tests).
   */
  readonly cache?: ReadModelCache;
  /** The clock, for "this quarter"; the real one when left out. */
  readonly now?: () => Date;
  /**
   * Where an unexpected error goes, with the id the caller is shown; the
   * server logs it. Left out, the error goes to `console.error`.
   */
  readonly reportInternalError?: (errorId: string, error: unknown) => void;
}
