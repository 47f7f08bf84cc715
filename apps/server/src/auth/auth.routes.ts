import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { clearSessionCookie, readSessionSecret, setSessionCookie } from './session-cookie';
import type { SessionService } from './session-service';

const credentials = z
  .object({
    email: z.string().trim().min(3, 'vul uw e-mailadres in').max(320, 'is te lang').email('is geen e-mailadres'),
    password: z.string().min(1, 'vul uw wachtwoord in').max(1024, 'is te lang'),
  })
  .strict();

/**
 * `POST /auth/login` with JSON `{ email, password }`: sets the session cookie
 * and answers the user (200), or 400 with the field to fix, 401 for a wrong
 * e-mail address or password (the same answer for both), 429 when rate
 * limited. `POST /auth/logout` ends the session on the server (204).
 */
export async function registerAuthRoutes(app: FastifyInstance, sessions: () => SessionService): Promise<void> {
  // Per address, before anything is read: a flood never reaches argon2 or the database.
  await app.register(rateLimit, { global: false, max: 60, timeWindow: '1 minute' });

  app.post('/auth/login', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (request, reply) => {
    const parsed = credentials.safeParse(request.body);
    if (!parsed.success) {
      return reply.status(400).send({
        error: `Aanmelden mislukt: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ')}.`,
        fields: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      });
    }
    const result = await sessions().signInWithPassword(parsed.data.email, parsed.data.password, request.ip);
    if (result.kind === 'rate_limited') {
      return reply
        .status(429)
        .header('retry-after', String(result.retryAfterSeconds))
        .send({ error: `Te veel mislukte aanmeldpogingen. Probeer het over ${Math.ceil(result.retryAfterSeconds / 60)} minuten opnieuw.` });
    }
    if (result.kind === 'invalid') return reply.status(401).send({ error: 'Het e-mailadres of het wachtwoord klopt niet.' });
    setSessionCookie(request, reply, result.secret, result.expiresAt);
    return reply.send({ user: result.viewer });
  });

  app.post('/auth/logout', async (request, reply) => {
    const secret = readSessionSecret(request);
    if (secret !== undefined) await sessions().signOut(secret);
    clearSessionCookie(request, reply);
    return reply.status(204).send();
  });
}
