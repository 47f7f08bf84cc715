import { TRPCClientError } from '@trpc/client';

/** What a page suggests after a NOT_FOUND or a malformed address, unless it says otherwise. */
export const chooseMunicipalityHint = 'Kies een gemeente in de lijst bovenaan.';

/**
 * Turns a failed request into one Dutch sentence a user can act on. The server
 * writes its NOT_FOUND messages for users (in Dutch), so those are shown as they
 * are, followed by `hint` (where to go instead); anything else is described by
 * what it means for the user.
 */
export function describeApiError(error: unknown, hint = chooseMunicipalityHint): string {
  if (!(error instanceof TRPCClientError)) {
    return 'Er ging iets onverwachts mis in het dashboard. Probeer het opnieuw of laad de pagina opnieuw.';
  }
  const code = readErrorCode(error);
  switch (code) {
    case undefined:
      // No tRPC answer at all: the request never reached the server, or the
      // answer was not tRPC (a proxy's error page, a server still starting).
      return 'De server van Koers is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.';
    case 'NOT_FOUND':
      return `${error.message} ${hint}`;
    case 'BAD_REQUEST':
      return `Dit adres verwijst niet naar een bestaande pagina. ${hint}`;
    case 'INTERNAL_SERVER_ERROR':
      // The server writes these for users: what happened and the id it logged the error under.
      return error.message;
    case 'UNAUTHORIZED':
      // The session expired or was ended elsewhere; the app opens the sign-in page as well.
      return 'Uw sessie is verlopen. Meld u opnieuw aan.';
    case 'FORBIDDEN':
      // The server names what was refused, for users (in Dutch).
      return error.message;
    default:
      return `De server kon de gegevens niet leveren (foutcode ${code}). Probeer het later opnieuw.`;
  }
}

/** Whether asking again can help: not for an address that names nothing, nor for a refusal. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return true;
  const code = readErrorCode(error);
  return code !== 'NOT_FOUND' && code !== 'BAD_REQUEST' && code !== 'UNAUTHORIZED' && code !== 'FORBIDDEN';
}

/** The tRPC error code (`NOT_FOUND`, `FORBIDDEN`, ...) of a failed call; undefined when no tRPC answer came. */
export function errorCodeOf(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? readErrorCode(error) : undefined;
}

/** The tRPC error code (`NOT_FOUND`, ...) the server answered with, if it answered. */
export function readErrorCode(error: { readonly data?: unknown }): string | undefined {
  const data: unknown = error.data;
  if (typeof data === 'object' && data !== null && 'code' in data && typeof data.code === 'string') {
    return data.code;
  }
  return undefined;
}
