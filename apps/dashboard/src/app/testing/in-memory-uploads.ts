import { type InMemorySources, samplePreview } from '@koers/api/testing';
import type { SourcePreview } from '@koers/domain';
import type { UploadAnswer, UploadTransport } from '../sources/upload-transport';

/** One upload as the server received it. */
export interface ReceivedUpload {
  readonly url: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
}

/**
 * The upload routes (`POST /api/<municipality>/uploads[?source=<id>]`) in
 * memory, over the same `InMemorySources` the router reads: an upload reports
 * its progress in two halves, then becomes a previewed job (201), or a failed
 * one with the preview's problem (422), as the server answers. `refuseNext`
 * answers the next upload with a status and `{ error }` instead.
 */
export class InMemoryUploads implements UploadTransport {
  readonly received: ReceivedUpload[] = [];
  /** What the next upload previews as. */
  preview: SourcePreview = samplePreview();
  private refusal: UploadAnswer | null = null;

  constructor(private readonly sources: InMemorySources) {}

  /** The next upload is answered `status` with `{ error }`, as a refusal (413, 415, 403) is. */
  refuseNext(status: number, error: string): void {
    this.refusal = { status, body: { error } };
  }

  async send(url: string, file: Blob, contentType: string, onProgress: (sentBytes: number, totalBytes: number) => void): Promise<UploadAnswer> {
    const match = /^\/api\/([^/?]+)\/uploads(?:\?source=([^&]+))?$/.exec(url);
    if (match === null) throw new Error(`no upload route answers ${url}`);
    this.received.push({ url, fileName: file instanceof File ? file.name : '', contentType, sizeBytes: file.size });
    onProgress(Math.floor(file.size / 2), file.size);
    await new Promise((wait) => setTimeout(wait));
    onProgress(file.size, file.size);
    const refusal = this.refusal;
    this.refusal = null;
    if (refusal !== null) return refusal;
    const municipalityId = decodeURIComponent(match[1] ?? '');
    const sourceId = match[2] === undefined ? null : decodeURIComponent(match[2]);
    const job = this.sources.addUpload(municipalityId, { sourceId, preview: this.preview, sizeBytes: file.size });
    return { status: job.problem === null ? 201 : 422, body: { job } };
  }
}
