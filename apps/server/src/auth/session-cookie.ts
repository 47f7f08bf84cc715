import type { FastifyReply, FastifyRequest } from 'fastify';

/** The session cookie: signed (a tampered one is no cookie at all), HttpOnly, SameSite=Lax, Secure behind https. */
export const sessionCookie = 'koers_session';

/** The session secret in the request's cookie, when it is there and its signature holds. */
export function readSessionSecret(request: FastifyRequest): string | undefined {
  const raw = request.cookies[sessionCookie];
  if (raw === undefined) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value !== null ? unsigned.value : undefined;
}

/** Whether the request came with a session cookie whose signature does not hold (tampered, or from another installation). */
export function hasTamperedSessionCookie(request: FastifyRequest): boolean {
  const raw = request.cookies[sessionCookie];
  return raw !== undefined && !request.unsignCookie(raw).valid;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, secret: string, expiresAt: Date): void {
  reply.setCookie(sessionCookie, secret, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, { httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', path: '/' });
}
