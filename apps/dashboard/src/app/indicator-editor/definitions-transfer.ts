import { Injectable } from '@angular/core';
import type { DefinitionsImportOutcome } from '@koers/domain';

/**
 * The workspace zip routes of the server (`/api/<id>/definitions.zip`),
 * outside tRPC since a zip is a file: the address of the export, and the
 * check and application of an import. Specs provide one of their own.
 */
@Injectable({ providedIn: 'root' })
export class DefinitionsTransfer {
  /** Where the browser downloads the zip; with the data files when asked. */
  exportUrl(municipalityId: string, includeData: boolean): string {
    return `/api/${encodeURIComponent(municipalityId)}/definitions.zip${includeData ? '?data=1' : ''}`;
  }

  /** Sends a zip to be checked (nothing changes), or applied. A refused import answers 422 with its problems: that is an outcome too. */
  async send(municipalityId: string, zip: Blob, apply: boolean): Promise<DefinitionsImportOutcome> {
    const response = await fetch(`/api/${encodeURIComponent(municipalityId)}/definitions.zip${apply ? '?apply=1' : ''}`, {
      method: 'POST',
      headers: { 'content-type': 'application/zip', 'x-koers-request': '1' },
      body: zip,
    });
    const body = (await response.json().catch(() => ({}))) as Partial<DefinitionsImportOutcome> & { error?: string };
    if ((response.ok || response.status === 422) && body.check !== undefined && body.kind !== undefined) return { kind: body.kind, check: body.check };
    throw new Error(body.error ?? (response.status === 413 ? 'De zip is groter dan 32 MB.' : `De server antwoordde ${response.status}.`));
  }
}
