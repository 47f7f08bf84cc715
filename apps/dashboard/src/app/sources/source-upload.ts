import type { SourceJob } from '@koers/domain';
import type { UploadTransport } from './upload-transport';
import { contentTypeOfFile } from './source-labels';

/** How an upload ended: the job (previewed, or failed with its problem), or why there is none. */
export type UploadOutcome = { readonly kind: 'job'; readonly job: SourceJob } | { readonly kind: 'refused'; readonly message: string };

const unreachable = 'De server van Koers is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.';

/**
 * Sends a file to `POST /api/<municipality>/uploads[?source=<id>]`, where the
 * server streams it to disk and previews it. Never rejects: a refusal (wrong
 * kind of file, too large, no access) comes back as the server's sentence.
 */
export async function uploadSourceFile(
  transport: UploadTransport,
  request: { readonly municipalityId: string; readonly sourceId: string | null; readonly file: File },
  onProgress: (sentBytes: number, totalBytes: number) => void,
): Promise<UploadOutcome> {
  const contentType = contentTypeOfFile(request.file.name);
  if (contentType === undefined) {
    return { kind: 'refused', message: `"${request.file.name}" is geen CSV-, Parquet- of JSON-bestand: kies een bestand dat eindigt op .csv, .parquet, .json of .ndjson.` };
  }
  const query = request.sourceId === null ? '' : `?source=${encodeURIComponent(request.sourceId)}`;
  let answer;
  try {
    answer = await transport.send(`/api/${encodeURIComponent(request.municipalityId)}/uploads${query}`, request.file, contentType, onProgress);
  } catch {
    return { kind: 'refused', message: unreachable };
  }
  const body = (answer.body ?? {}) as { job?: SourceJob; error?: string };
  if (body.job !== undefined && (answer.status === 201 || answer.status === 422)) return { kind: 'job', job: body.job };
  return { kind: 'refused', message: body.error ?? `De server weigerde het bestand (status ${answer.status}).` };
}
