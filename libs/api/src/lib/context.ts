import type { ProgramCatalog } from './program-catalog';

/** What every procedure can reach; built once per request by the server. */
export interface ApiContext {
  readonly catalog: ProgramCatalog;
  /**
   * Where an unexpected error goes, with the id the caller is shown; the
   * server logs it. Left out, the error goes to `console.error`.
   */
  readonly reportInternalError?: (errorId: string, error: unknown) => void;
}
