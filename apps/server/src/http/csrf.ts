import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The header a script (or the dashboard) sends with a state-changing request that has no Origin. */
export const requestMarkerHeader = 'x-koers-request';

/** Methods that never change anything. */
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a state-changing request may go on: it comes from an allowed origin
 * (the server's own, as the request's Host says, or one of `allowedOrigins`),
 * or it carries {@link requestMarkerHeader} or an `Authorization: Bearer` token,
 * which no cross-site form can send.
 * A cross-site `multipart/form-data` or `text/plain` form post has its own
 * Origin and no such header, so it stops here, before its body is read.
 */
export function isAllowedStateChange(request: FastifyRequest, allowedOrigins: readonly string[]): boolean {
  if (safeMethods.has(request.method)) return true;
  // A personal API token (Authorization: Bearer) is never sent by a browser on its own, so no cross-site form carries one.
  if (/^Bearer\s/i.test(request.headers.authorization ?? '')) return true;
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') return request.headers[requestMarkerHeader] !== undefined && origin === undefined;
  const own = `${request.protocol}://${request.host}`;
  return origin === own || allowedOrigins.includes(origin);
}

/** Refuses every state-changing request that fails {@link isAllowedStateChange} with 403, in Dutch. */
export function registerCsrfRule(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  app.addHook('onRequest', async (request, reply) => {
    if (isAllowedStateChange(request, allowedOrigins)) return;
    return reply.status(403).send({
      error:
        'Geweigerd: dit verzoek komt niet van Koers zelf (Origin). Een script zonder Origin stuurt de kop X-Koers-Request: 1 mee.',
    });
  });
}
