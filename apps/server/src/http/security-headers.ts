import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';

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

/** Sets the headers every response carries. */
export function setSecurityHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', contentSecurityPolicy);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
}
