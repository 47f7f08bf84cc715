import type { FastifyInstance } from 'fastify';

/** Dutch answers for what Fastify refuses before a route runs. */
const clientErrors: Readonly<Record<number, string>> = {
  400: 'Het verzoek is niet geldig',
  404: 'Niet gevonden',
  405: 'Deze methode is hier niet toegestaan',
  413: `Het verzoek is te groot`,
  415: 'Dit soort inhoud (Content-Type) wordt hier niet aangenomen',
  429: 'Te veel verzoeken; probeer het zo opnieuw',
};

/**
 * Errors are for the reader: a client error keeps its status with a Dutch
 * sentence (and Fastify's own detail); anything else is reported with a fresh
 * id and answered 500 with only that id, never the internal message.
 */
export function registerErrorHandler(app: FastifyInstance, report: (errorId: string, error: unknown) => void): void {
  app.setErrorHandler((error: { statusCode?: number; message?: string }, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: `${clientErrors[status] ?? 'Het verzoek is niet geldig'}: ${error.message ?? ''}`.trim() });
    }
    const errorId = crypto.randomUUID().slice(0, 8);
    report(errorId, error);
    return reply.status(500).send({ error: `Interne fout (foutcode ${errorId}). Probeer het later opnieuw of meld de foutcode.` });
  });
}
