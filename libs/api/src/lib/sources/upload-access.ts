import { identifierPattern } from '@koers/domain';
import { accessTable } from '../access/access-table';
import { mayIn } from '../access/viewer-access';
import type { ApiContext } from '../context';
import { readThrough } from '../read-through';

/** The HTTP routes that take a source file: the dashboard's upload with preview, and the scripts' one-step version. */
export type SourceUploadRoute = 'POST /api/:municipalityId/uploads' | 'POST /api/:municipalityId/sources/:sourceId/versions';

/** Whether the request may upload, or why not: nobody signed in (401), no grant (403), no such municipality (404). */
export type UploadAccess =
  | { readonly kind: 'allowed' }
  | { readonly kind: 'unauthorized'; readonly message: string }
  | { readonly kind: 'forbidden'; readonly message: string }
  | { readonly kind: 'not_found'; readonly message: string };

/**
 * Checks an upload route by the access table, before a byte of its body is
 * read: the viewer (from the session cookie or a personal API token) must hold
 * one of the route's roles in the municipality, which must exist.
 */
export async function authorizeSourceUpload(ctx: ApiContext, route: SourceUploadRoute, municipalityId: string): Promise<UploadAccess> {
  if (ctx.viewer === null) {
    return { kind: 'unauthorized', message: 'Meld u aan, of stuur een persoonlijke API-sleutel mee (Authorization: Bearer …).' };
  }
  const access = accessTable[route];
  if (access?.kind !== 'municipality' || !mayIn(ctx.viewer, municipalityId, access.roles)) {
    return { kind: 'forbidden', message: `U mag geen bronnen van gemeente "${municipalityId}" uploaden: daarvoor is de rol data team (of beheerder) in die gemeente nodig.` };
  }
  if (!identifierPattern.test(municipalityId)) return { kind: 'not_found', message: `Gemeente "${municipalityId}" bestaat niet.` };
  const municipalities = await readThrough(ctx, 'municipalities', () => ctx.catalog.listMunicipalities());
  if (!municipalities.some((municipality) => municipality.id === municipalityId)) {
    return { kind: 'not_found', message: `Gemeente "${municipalityId}" bestaat niet in deze installatie.` };
  }
  return { kind: 'allowed' };
}
