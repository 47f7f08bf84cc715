import type { DefinitionsImportOutcome } from '@koers/domain';
import type { ApiContext } from '../context';
import { type ExportAnswer, missingMunicipality, refusal } from '../exports/read-exports';

/** An answer of the workspace zip routes: as the exports', or that this installation cannot do it (501). */
export type TransferAnswer<T> = ExportAnswer<T> | { readonly kind: 'not_supported'; readonly message: string };

const notSupported = { kind: 'not_supported', message: 'Deze installatie kan geen definities uitwisselen.' } as const;

/**
 * `GET /api/<municipality-id>/definitions.zip[?data=1]`: the municipality's
 * workspace folder as a zip (`koers.yaml`, `sources/`, `indicators/`,
 * `programs/`, with `data/` when asked), for the data team and admins, by the
 * access table. The export is recorded in the audit trail.
 */
export async function exportDefinitions(ctx: ApiContext, municipalityId: string, includeData: boolean): Promise<TransferAnswer<AsyncIterable<Uint8Array>>> {
  const refused = refusal(ctx, 'GET /api/:municipalityId/definitions.zip', municipalityId) ?? (await missingMunicipality(ctx, municipalityId));
  if (refused !== null) return refused;
  if (ctx.indicatorEditor === undefined || ctx.viewer === null) return notSupported;
  return { kind: 'found', body: await ctx.indicatorEditor.exportZip(municipalityId, { includeData }, ctx.viewer) };
}

/**
 * `POST /api/<municipality-id>/definitions.zip[?apply=1]`: checks a workspace
 * zip (every problem with file and line, and what would change); with
 * `apply` and no problems, replaces the definitions with it atomically,
 * audited, and recomputes.
 */
export async function importDefinitions(ctx: ApiContext, municipalityId: string, zip: Uint8Array, apply: boolean): Promise<TransferAnswer<DefinitionsImportOutcome>> {
  const refused = await authorizeDefinitionsImport(ctx, municipalityId);
  if (refused !== null) return refused;
  if (ctx.indicatorEditor === undefined || ctx.viewer === null) return notSupported;
  return { kind: 'found', body: await ctx.indicatorEditor.importZip(municipalityId, zip, { apply }, ctx.viewer) };
}

/**
 * Whether the viewer may import a workspace zip into the municipality, by the
 * access table: null when allowed, else the refusal (401, 403, 404). The
 * server asks this before it reads a byte of the zip.
 */
export async function authorizeDefinitionsImport(ctx: ApiContext, municipalityId: string): Promise<Exclude<TransferAnswer<never>, { kind: 'found' }> | null> {
  const refused = refusal(ctx, 'POST /api/:municipalityId/definitions.zip', municipalityId) ?? (await missingMunicipality(ctx, municipalityId));
  return refused === null || refused.kind === 'found' ? null : refused;
}
