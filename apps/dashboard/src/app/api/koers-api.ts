import { InjectionToken } from '@angular/core';
import type { Municipality } from '@koers/domain';
import type { ProgramOverview } from '@koers/api';

/**
 * What the dashboard asks of the server. Components and stores depend on this
 * port, never on tRPC itself, so a test can hand them an in-memory answer.
 */
export interface KoersApi {
  /** The municipalities this installation serves. */
  listMunicipalities(abortSignal?: AbortSignal): Promise<readonly Municipality[]>;
  /** The budget programs of one municipality, in budget order. */
  listPrograms(municipalityId: string, abortSignal?: AbortSignal): Promise<readonly ProgramOverview[]>;
}

/** The `KoersApi` the app talks to; `provideKoersApi()` supplies the tRPC one. */
export const KOERS_API = new InjectionToken<KoersApi>('KoersApi');
