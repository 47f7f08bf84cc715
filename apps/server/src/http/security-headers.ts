import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * Angular's production build inlines critical CSS and loads the rest with
 * `<link media="print" onload="this.media='all'">`; allowing exactly that one
 * handler by hash keeps `script-src` free of 'unsafe-inline'.
 */
const stylesheetLoaderHash = createHash('sha256').update("this.media='all'").digest('base64');

/**
 * A Content-Security-Policy for the Angular dashboard: its own scripts and
 * API only; inline styles, which Angular and Material set on elements.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-hashes' 'sha256-${stylesheetLoaderHash}'`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers every response carries. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

/** Sets the security headers on every response, errors and 404s included. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(securityHeaders);
  });
}
