import { TRPCClientError } from '@trpc/client';

/**
 * Why a save failed, as one Dutch sentence for the form: the server's own
 * message where it wrote one for users (a refusal, a field to fix), the field
 * and reason where the input did not have the right form, and what to do
 * when no answer came.
 */
export function describeSaveError(error: unknown): string {
  if (!(error instanceof TRPCClientError))
    return 'Opslaan is niet gelukt door een fout in het dashboard. Laad de pagina opnieuw en probeer het nog eens.';
  const data: unknown = error.data;
  const code =
    typeof data === 'object' && data !== null && 'code' in data && typeof data.code === 'string'
      ? data.code
      : undefined;
  if (code === undefined)
    return 'Opslaan is niet gelukt: de server van Koers is niet bereikbaar. Uw invoer staat nog in het formulier; probeer het opnieuw.';
  if (code === 'UNAUTHORIZED')
    return 'Opslaan is niet gelukt: u bent niet meer aangemeld. Meld u opnieuw aan; uw invoer staat nog in het formulier.';
  if (code === 'BAD_REQUEST') return `Opslaan is niet gelukt: ${inputProblem(error.message)}`;
  return `Opslaan is niet gelukt: ${error.message}`;
}

/** tRPC answers a malformed input with zod's issues as JSON; the first says which field and why. */
function inputProblem(message: string): string {
  try {
    const issues = JSON.parse(message) as { path?: unknown[]; message?: string }[];
    const first = issues[0];
    if (Array.isArray(issues) && first !== undefined)
      return `${(first.path ?? []).join('.')}: ${first.message ?? 'ongeldige waarde'}.`;
  } catch {
    // Not JSON: the server wrote this message for users.
  }
  return message;
}
