import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sendJson } from './json-response';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Angular's output hashing: `main-ABCD1234.js`. Such a file never changes, so browsers may keep it. */
const hashedName = /-[A-Z0-9]{8,}\.[a-z0-9]+$/;

/**
 * Serves the built dashboard from `root`: a file as itself, with its content
 * type; any other GET of a path without an extension as `index.html`, so the
 * dashboard's router handles deep links; anything else as a JSON 404.
 */
export function createStaticFiles(root: string): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const rootWithSeparator = root.endsWith(sep) ? root : root + sep;

  return async (request, response) => {
    const pathname = decodePath(request.url ?? '/');
    const candidate = pathname === null ? null : normalize(join(root, pathname));
    if (candidate === null || !(candidate + sep).startsWith(rootWithSeparator)) {
      sendJson(response, 400, { error: 'Ongeldig pad / invalid path' });
      return;
    }
    if (await isFile(candidate)) {
      await sendFile(request, response, candidate);
      return;
    }
    const indexFile = join(root, 'index.html');
    if (extname(candidate) === '' && (await isFile(indexFile))) {
      await sendFile(request, response, indexFile);
      return;
    }
    sendJson(response, 404, {
      error: 'Niet gevonden / not found',
      path: pathname,
      ...(!(await isFile(indexFile)) && { hint: `The dashboard is not built in ${root}: run \`npx nx run dashboard:build\`.` }),
    });
  };
}

function decodePath(url: string): string | null {
  try {
    const pathname = decodeURIComponent(new URL(url, 'http://koers.invalid').pathname);
    return pathname.includes('\0') ? null : pathname;
  } catch {
    return null;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function sendFile(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
  const { size } = await stat(path);
  const isIndex = path.endsWith(`${sep}index.html`);
  response.writeHead(200, {
    'Content-Type': contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': size,
    // index.html names the hashed bundles of the current build: always revalidate it.
    'Cache-Control': isIndex ? 'no-cache' : hashedName.test(path) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  await pipeline(createReadStream(path), response);
}
