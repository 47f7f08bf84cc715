import type { Viewer } from '@koers/domain';
import { errorCodeOf } from '../api/api-error';
import type { KoersClient } from '../api/koers-client';
import { inMemoryKoers } from './in-memory-koers';

/**
 * Whether the real router (in memory) lets `viewer` make `call`: false on
 * FORBIDDEN, any other error thrown. What the screens offer must agree with it.
 */
export async function serverAllows(viewer: Viewer, call: (client: KoersClient) => Promise<unknown>): Promise<boolean> {
  const { client } = inMemoryKoers({ viewer });
  try {
    await call(client);
    return true;
  } catch (error) {
    if (errorCodeOf(error) === 'FORBIDDEN') return false;
    throw error;
  }
}
