import type { ProgramCatalog } from './program-catalog';

/** What every procedure can reach; built once per request by the server. */
export interface ApiContext {
  readonly catalog: ProgramCatalog;
}
