import { Readable } from 'node:stream';
import { type ApiContext, authorizeDefinitionsImport, exportDefinitions, importDefinitions, type TransferAnswer } from '@koers/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** The largest workspace zip an import takes: the definitions, with room for a data folder it skips. */
export const definitionsZipLimitBytes = 32 * 1024 * 1024;

/**
 * The workspace zip of a municipality, for the data team and admins (the
 * access table's rows `GET`/`POST /api/:municipalityId/definitions.zip`):
 *
 * - `GET /api/<id>/definitions.zip` (`?data=1` with the data files): the
 *   workspace folder as a zip that `koers check` accepts, streamed.
 * - `POST /api/<id>/definitions.zip` with the zip as the body
 *   (`application/zip`; at most 32 MiB): checked, every problem with file
 *   and line; with `?apply=1` and no problems, applied. 200 with the outcome
 *   (`checked`, `applied`), 422 when it was refused; nothing changes then.
 *
 * Access is checked before the body is read. The body parser for zips lives
 * inside this plugin only.
 */
export async function registerIndicatorEditorRoutes(app: FastifyInstance, contextOf: (request: FastifyRequest) => Promise<ApiContext>): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser(['application/zip', 'application/x-zip-compressed', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: definitionsZipLimitBytes }, (_request, body, done) =>
      done(null, body),
    );

    scope.get<{ Params: { municipalityId: string }; Querystring: { data?: string } }>('/api/:municipalityId/definitions.zip', async (request, reply) => {
      const { municipalityId } = request.params;
      const answer = await exportDefinitions(await contextOf(request), municipalityId, request.query.data === '1' || request.query.data === 'true');
      if (answer.kind !== 'found') return sendRefusal(reply, answer);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${municipalityId}-werkruimte.zip"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(answer.body));
    });

    scope.post<{ Params: { municipalityId: string }; Querystring: { apply?: string } }>(
      '/api/:municipalityId/definitions.zip',
      {
        bodyLimit: definitionsZipLimitBytes,
        // Who may not import is refused before a byte of the body is read (and before its type is looked at).
        onRequest: async (request, reply) => {
          const refused = await authorizeDefinitionsImport(await contextOf(request), request.params.municipalityId);
          if (refused !== null) return sendRefusal(reply, refused);
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) {
          return reply.status(415).send({ error: 'Stuur de zip als de body van het verzoek, met content-type application/zip.' });
        }
        const isApplied = request.query.apply === '1' || request.query.apply === 'true';
        const answer = await importDefinitions(await contextOf(request), request.params.municipalityId, request.body, isApplied);
        if (answer.kind !== 'found') return sendRefusal(reply, answer);
        return reply.status(answer.body.kind === 'refused' ? 422 : 200).header('cache-control', 'no-store').send(answer.body);
      },
    );
  });
}

const statusOf = { unauthorized: 401, forbidden: 403, not_found: 404, not_ready: 409, not_supported: 501 } as const;

function sendRefusal(reply: FastifyReply, answer: Exclude<TransferAnswer<unknown>, { kind: 'found' }>) {
  return reply.status(statusOf[answer.kind]).header('cache-control', 'no-store').send({ error: answer.message });
}
