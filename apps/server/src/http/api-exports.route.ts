import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApiContext, type ExportAnswer, readIndicatorCsv, readIndicatorsExport } from '@koers/api';
import { sendJson } from './json-response';

/** `/api/<municipality-id>/indicators.json` and `/api/<municipality-id>/indicators/<indicator-id>.csv`. */
const exportPath = /^\/api\/([^/]+)\/indicators(?:\.json|\/([^/]+)\.csv)$/;

/** Whether a path is one of the plain exports (for scripts and spreadsheets). */
export function isExportPath(path: string): boolean {
  return path.startsWith('/api/');
}

/**
 * Answers the plain exports from the stored results: the contract's JSON of a
 * municipality, and the CSV behind one indicator's charts (Dutch Excel). 404
 * for what is not there, 409 (with Retry-After) before the first results.
 */
export async function answerExport(request: IncomingMessage, response: ServerResponse, path: string, ctx: ApiContext): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    sendJson(response, 405, { error: 'Methode niet toegestaan / method not allowed' });
    return;
  }
  const match = exportPath.exec(path);
  if (match === null) {
    sendJson(response, 404, {
      error: 'Niet gevonden. Beschikbaar: /api/<gemeente>/indicators.json en /api/<gemeente>/indicators/<indicator>.csv',
    });
    return;
  }
  const [, municipalityId = '', indicatorId] = match;
  if (indicatorId === undefined) {
    const answer = await readIndicatorsExport(ctx, municipalityId);
    if (answer.kind === 'found') sendJson(response, 200, answer.body);
    else sendFailure(response, answer);
    return;
  }
  const answer = await readIndicatorCsv(ctx, municipalityId, indicatorId);
  if (answer.kind !== 'found') {
    sendFailure(response, answer);
    return;
  }
  const body = Buffer.from(answer.body, 'utf8');
  response.writeHead(200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Length': body.length,
    'Content-Disposition': `attachment; filename="${municipalityId}-${indicatorId}.csv"`,
    'Cache-Control': 'no-store',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function sendFailure(response: ServerResponse, answer: Exclude<ExportAnswer<unknown>, { kind: 'found' }>): void {
  if (answer.kind === 'not_ready') response.setHeader('Retry-After', '5');
  sendJson(response, answer.kind === 'not_found' ? 404 : 409, { error: answer.message });
}
