import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Angular's output hashing: `main-ABCD1234.js`. Such a file never changes, so browsers may keep it. */
const hashedName = /-[A-Z0-9]{8,}\.[a-z0-9]+$/;

/**
 * Serves the built dashboard from `root` with ETag and Last-Modified (and,
 * through @fastify/compress, gzip or brotli): a file as itself; any other GET
 * of a path without an extension as `index.html`, so the dashboard's router
 * handles deep links; anything else as a JSON 404.
 */
export async function registerDashboard(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: true,
    index: 'index.html',
    etag: true,
    lastModified: true,
    cacheControl: false,
    setHeaders: (response, path) => {
      // index.html names the hashed bundles of the current build: always revalidate it.
      const policy = path.endsWith('index.html') ? 'no-cache' : hashedName.test(path) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
      response.header('cache-control', policy);
    },
  });
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && extname(path) === '' && !isApiPath(path);
    if (isPage && existsSync(join(root, 'index.html'))) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply.status(404).send({
      error: 'Niet gevonden / not found',
      path,
      ...(!existsSync(join(root, 'index.html')) && { hint: `The dashboard is not built in ${root}: run \`npx nx run dashboard:build\`.` }),
    });
  });
}

/** Paths of the API: never answered with the dashboard. */
export function isApiPath(path: string): boolean {
  return ['/trpc', '/api', '/auth', '/health'].some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}
