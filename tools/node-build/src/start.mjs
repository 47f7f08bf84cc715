#!/usr/bin/env node
// `npm start`: brings the built dashboard and the built server up to date,
// rebuilding only what changed since its last build (a check of a few
// milliseconds), then runs the server, dist/apps/server/main.mjs, in this
// process: what `node dist/apps/server/main.mjs` does, with the same
// environment variables (apps/server/README.md).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDashboard, dashboardStaleReason } from './dashboard-build.mjs';
import { buildNodeBundle, bundleStaleReason } from './node-bundles.mjs';
import { repositoryRoot } from '../../repository-root.mjs';

const dashboardReason = dashboardStaleReason(repositoryRoot);
if (dashboardReason !== null) {
  const duration = dashboardReason === 'not built yet' ? '; the first build takes about a minute' : '';
  console.log(`Building the dashboard (${dashboardReason})${duration} ...`);
  if (!buildDashboard(repositoryRoot)) {
    console.error('The dashboard did not build: see the messages above.');
    process.exit(1);
  }
}

const serverReason = bundleStaleReason(repositoryRoot, 'server');
if (serverReason !== null) {
  console.log(`Building the server (${serverReason}) ...`);
  try {
    await buildNodeBundle(repositoryRoot, 'server');
  } catch (error) {
    console.error(`The server did not build:\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

await import(pathToFileURL(join(repositoryRoot, 'dist/apps/server/main.mjs')).href);
