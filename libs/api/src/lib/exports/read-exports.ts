import { identifierPattern } from '@koers/domain';
import { accessTable } from '../access/access-table';
import { mayIn } from '../access/viewer-access';
import type { ApiContext } from '../context';
import { readThrough } from '../read-through';
import { buildIndicatorCsv } from './indicator-csv.export';
import { buildIndicatorsExport, type IndicatorsExport } from './indicators-json.export';

/**
 * An export, or why there is none: nobody signed in (401), no grant for that
 * municipality (403), nothing by that id (404), or no values yet (409, try
 * again later).
 */
export type ExportAnswer<T> =
  | { readonly kind: 'found'; readonly body: T }
  | { readonly kind: 'unauthorized'; readonly message: string }
  | { readonly kind: 'forbidden'; readonly message: string }
  | { readonly kind: 'not_found'; readonly message: string }
  | { readonly kind: 'not_ready'; readonly message: string };

/**
 * `GET /api/<municipality-id>/indicators.json`: the shape of `koers compute
 * --json`, from the stored results, read through the context's cache.
 */
export async function readIndicatorsExport(ctx: ApiContext, municipalityId: string): Promise<ExportAnswer<IndicatorsExport>> {
  const missing = refusal(ctx, 'GET /api/:municipalityId/indicators.json', municipalityId) ?? (await missingMunicipality(ctx, municipalityId));
  if (missing !== null) return missing;
  const body = await readThrough(ctx, `export-json:${municipalityId}`, async () => {
    const [stored, history] = await Promise.all([ctx.catalog.listIndicators(municipalityId), ctx.catalog.computationHistory(municipalityId)]);
    if (history.lastFinished === null && stored.every((item) => item.report === null)) return null;
    return buildIndicatorsExport(stored, history.lastFinished?.problems ?? []);
  });
  return body === null ? { kind: 'not_ready', message: 'De indicatoren van deze gemeente worden nog berekend. Probeer het zo opnieuw.' } : { kind: 'found', body };
}

/** `GET /api/<municipality-id>/indicators/<indicator-id>.csv`: the table behind the indicator's charts. */
export async function readIndicatorCsv(ctx: ApiContext, municipalityId: string, indicatorId: string): Promise<ExportAnswer<string>> {
  const missing = refusal(ctx, 'GET /api/:municipalityId/indicators/:indicatorId.csv', municipalityId) ?? (await missingMunicipality(ctx, municipalityId));
  if (missing !== null) return missing;
  if (!identifierPattern.test(indicatorId)) return { kind: 'not_found', message: `Indicator "${indicatorId}" bestaat niet.` };
  const csv = await readThrough(ctx, `export-csv:${municipalityId}:${indicatorId}`, async () => {
    const stored = (await ctx.catalog.listIndicators(municipalityId)).find((item) => item.indicatorId === indicatorId);
    return stored === undefined ? undefined : buildIndicatorCsv(stored);
  });
  if (csv === undefined) return { kind: 'not_found', message: `Indicator "${indicatorId}" bestaat niet in deze gemeente.` };
  if (csv === null) return { kind: 'not_ready', message: 'Deze indicator heeft nog geen waarden: de berekening loopt nog of is mislukt.' };
  return { kind: 'found', body: csv };
}

/** Why the viewer may not read this export of this municipality, by the access table; null when they may. */
export function refusal(ctx: ApiContext, route: string, municipalityId: string): ExportAnswer<never> | null {
  const access = accessTable[route];
  if (ctx.viewer === null) return { kind: 'unauthorized', message: 'Meld u aan: deze gegevens zijn alleen voor wie is aangemeld.' };
  if (access?.kind !== 'municipality' || !mayIn(ctx.viewer, municipalityId, access.roles)) {
    return { kind: 'forbidden', message: `U heeft geen toegang tot de indicatoren van gemeente "${municipalityId}".` };
  }
  return null;
}

export async function missingMunicipality(ctx: ApiContext, municipalityId: string): Promise<ExportAnswer<never> | null> {
  if (!identifierPattern.test(municipalityId)) return { kind: 'not_found', message: `Gemeente "${municipalityId}" bestaat niet.` };
  const municipalities = await readThrough(ctx, 'municipalities', () => ctx.catalog.listMunicipalities());
  return municipalities.some((municipality) => municipality.id === municipalityId)
    ? null
    : { kind: 'not_found', message: `Gemeente "${municipalityId}" bestaat niet in deze installatie.` };
}
