import { TRPCClientError } from '@trpc/client';
import { describeApiError, readErrorCode } from '../api/api-error';

/** Dutch names of the fields a report's forms send, for the server's validation messages. */
const fieldNames: Readonly<Record<string, string>> = {
  cause: 'Oorzaak',
  consequence: 'Gevolg',
  correction: 'Bijsturing',
  reason: 'Reden van de correctie',
  text: 'Tekst',
  query: 'Zoekwoorden',
};

/**
 * Why a change to a report, a motion or a question was refused, as the
 * server says it (in Dutch, naming the item and what is missing): a report
 * that stands elsewhere (CONFLICT), an exception without its explanation
 * (PRECONDITION_FAILED), a field that does not validate (BAD_REQUEST, with
 * the field). Anything else as every page describes it.
 */
export function describeChangeError(error: unknown): string {
  if (!(error instanceof TRPCClientError)) return describeApiError(error);
  const code = readErrorCode(error);
  if (code === 'CONFLICT' || code === 'PRECONDITION_FAILED' || code === 'NOT_FOUND') return error.message;
  if (code === 'BAD_REQUEST') {
    try {
      const issues = JSON.parse(error.message) as { path?: (string | number)[]; message?: string }[];
      return issues.map((issue) => `${fieldNames[String(issue.path?.at(-1))] ?? issue.path?.join('.') ?? 'Invoer'}: ${issue.message ?? 'ongeldig'}.`).join(' ');
    } catch {
      return error.message;
    }
  }
  return describeApiError(error, 'Laad de pagina opnieuw.');
}
