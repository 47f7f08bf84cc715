import { TRPCClientError } from '@trpc/client';
import { describeApiError, errorCodeOf } from '../api/api-error';

/** The codes a source command is refused with, each with a Dutch sentence the server wrote for the user. */
const refusalCodes: readonly string[] = ['CONFLICT', 'BAD_REQUEST'];

/**
 * A failed source command in one Dutch sentence. The server words its
 * refusals (CONFLICT, BAD_REQUEST: "er is al een bron ...", "het bestand
 * laadt niet ...") for the data team, prefixed by the field where it names
 * one (`sourceId: ...`), so those are shown as written; anything else as
 * every page describes it.
 */
export function describeSourceError(error: unknown): string {
  const code = errorCodeOf(error);
  // A refusal of the input's shape (zod) comes as JSON, not as a sentence: say what to do instead.
  if (error instanceof TRPCClientError && code !== undefined && refusalCodes.includes(code)) {
    return /^\s*[[{]/.test(error.message) ? 'Koers nam dit niet aan: controleer de velden en probeer het opnieuw.' : error.message;
  }
  return describeApiError(error, 'Kies een bron in de lijst met bronnen.');
}
