#!/usr/bin/env node
// The `koers` command. bin/package.json makes it a package of its own that the
// root package.json depends on (`file:bin`), so `npm ci` links it into
// node_modules/.bin: `npx koers` finds it there at once, and npm scripts can
// call `koers`. (A `bin` in the root package.json instead sends npx through
// reading the whole node_modules tree on every run.)
//
// It runs the precompiled command, dist/apps/cli/koers.mjs, which `npm ci`
// builds (the root `prepare` script); when that is missing or older than its
// sources, it is built here first (~0.5 s). When it cannot be built, the
// command says why on stderr and runs the TypeScript sources through tsx.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildNodeBundle, bundleStaleReason } from '../tools/node-build/src/node-bundles.mjs';
import { repositoryRoot } from '../tools/repository-root.mjs';

const program = join(repositoryRoot, 'dist/apps/cli/koers.mjs');

async function isBuilt() {
  if (bundleStaleReason(repositoryRoot, 'cli') === null) return true;
  try {
    await buildNodeBundle(repositoryRoot, 'cli');
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(`koers: could not build dist/apps/cli/koers.mjs (${reason}); running the sources through tsx instead, which starts slower.\n`);
    return false;
  }
}

if (await isBuilt()) {
  await import(pathToFileURL(program).href);
} else {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: join(repositoryRoot, 'tsconfig.base.json') });
  await import(pathToFileURL(join(repositoryRoot, 'apps/cli/src/main.ts')).href);
}
