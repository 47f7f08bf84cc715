import type { ApiContext } from '@koers/api';
import type { Viewer } from '@koers/domain';
import type { AppDatabase } from '@koers/persistence';
import type { FastifyRequest } from 'fastify';
import { bearerSecretOf, TokenService } from './token-service';

/** Personal API tokens in the server: the `apiTokens` port of the API, and who a request's bearer token is. */
export interface TokenFeature {
  /** Starts serving tokens from the database, once it is open. */
  start(db: AppDatabase): void;
  /** The API's `apiTokens` port (none before {@link start}). */
  ports(): Pick<ApiContext, 'apiTokens'>;
  /**
   * The user of the request's `Authorization: Bearer …` token, with their
   * grants now; null when it has none, `invalid` for a token that is unknown
   * or revoked (answered 401).
   */
  viewerOfRequest(request: FastifyRequest): Promise<Viewer | null | 'invalid'>;
}

/** Creates the server's token feature; see {@link TokenFeature}. */
export function createTokenFeature(): TokenFeature {
  let service: TokenService | undefined;
  return {
    start(db) {
      service = new TokenService(db);
    },
    ports: () => (service === undefined ? {} : { apiTokens: service }),
    async viewerOfRequest(request) {
      const secret = bearerSecretOf(request.headers.authorization);
      if (secret === undefined) return null;
      return (await service?.viewerOf(secret)) ?? 'invalid';
    },
  };
}
