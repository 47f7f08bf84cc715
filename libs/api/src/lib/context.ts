import type {
  ApiTokens,
  IndicatorEditor,
  KoersCatalog,
  KoersCommands,
  ProgramFiles,
  ReportCatalog,
  ReportCommands,
  ReportCommentarySource,
  SourceCatalog,
  SourceCommands,
  Viewer,
  WorkCatalog,
  WorkCommands,
} from '@koers/domain';
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
  /** The municipalities' sources, their kept versions and jobs; left out, the `sources` procedures answer METHOD_NOT_SUPPORTED. */
  readonly sources?: SourceCatalog;
  /** What the API may change of sources (upload, new source, rollback, delete); left out, those mutations answer METHOD_NOT_SUPPORTED. */
  readonly sourceCommands?: SourceCommands;
  /** Personal API tokens for scripts; left out, the `tokens` procedures answer METHOD_NOT_SUPPORTED. */
  readonly apiTokens?: ApiTokens;
  /** The data team's indicator definitions in the workspace folder; left out, the indicator editor answers METHOD_NOT_SUPPORTED. */
  readonly indicatorEditor?: IndicatorEditor;
  /** The team leads' progress, the college's commentary, who leads which team; left out, those procedures answer METHOD_NOT_SUPPORTED. */
  readonly work?: WorkCatalog;
  /** Progress reports and commentary, each audited; left out, those mutations answer METHOD_NOT_SUPPORTED. */
  readonly workCommands?: WorkCommands;
  /** The program files of the workspaces, for the program editor; left out, it answers METHOD_NOT_SUPPORTED. */
  readonly programFiles?: ProgramFiles;
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
