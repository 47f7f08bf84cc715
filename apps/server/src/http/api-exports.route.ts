import { type ApiContext, type ExportAnswer, readIndicatorCsv, readIndicatorsExport } from '@koers/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * `GET /api/<municipality-id>/indicators.json` (the contract's JSON of a
 * municipality) and `GET /api/<municipality-id>/indicators/<indicator-id>.csv`
 * (the table behind one indicator's charts, Dutch Excel), from the stored
 * results, under the access table's rules: 401 without a session, 403 without
 * a grant, 404 for what is not there, 409 (with Retry-After) before the first results.
 */
export function registerApiExports(app: FastifyInstance, contextOf: (request: FastifyRequest) => Promise<ApiContext>): void {
  app.get<{ Params: { municipalityId: string } }>('/api/:municipalityId/indicators.json', async (request, reply) => {
    const answer = await readIndicatorsExport(await contextOf(request), request.params.municipalityId);
    if (answer.kind !== 'found') return sendRefusal(reply, answer);
    return reply.header('cache-control', 'no-store').send(answer.body);
  });

  app.get<{ Params: { municipalityId: string; file: string } }>('/api/:municipalityId/indicators/:file', async (request, reply) => {
    const { municipalityId, file } = request.params;
    if (!file.endsWith('.csv')) return reply.status(404).send({ error: `Niet gevonden: alleen /api/${municipalityId}/indicators/<indicator>.csv bestaat hier.` });
    const indicatorId = file.slice(0, -'.csv'.length);
    const answer = await readIndicatorCsv(await contextOf(request), municipalityId, indicatorId);
    if (answer.kind !== 'found') return sendRefusal(reply, answer);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${municipalityId}-${indicatorId}.csv"`)
      .header('cache-control', 'no-store')
      .send(answer.body);
  });
}

const statusOf = { unauthorized: 401, forbidden: 403, not_found: 404, not_ready: 409 } as const;

/** An export's refusal as its HTTP status, with the Dutch message as `{ error }`. */
export function sendRefusal(reply: FastifyReply, answer: Exclude<ExportAnswer<unknown>, { kind: 'found' }>) {
  if (answer.kind === 'not_ready') reply.header('retry-after', '5');
  return reply.status(statusOf[answer.kind]).header('cache-control', 'no-store').send({ error: answer.message });
}
