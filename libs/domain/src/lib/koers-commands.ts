import type { Viewer } from './role';

/**
 * What the API may change, each recorded in the audit trail with who did it.
 * The server implements it; the API knows no database or scheduler.
 */
export interface KoersCommands {
  /** Asks for a computation of the municipality's indicators now; resolves once it is queued. */
  requestComputation(municipalityId: string, by: Viewer): Promise<void>;
}
