// The web benchmark (issue 6, item 8): `npm run bench:web`. Makes a production
// build of the dashboard and prints its initial JavaScript; the last line is
// the key figure. See README.md beside this file.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { measureInitialBundle } from './initial-bundle';

const workspaceRoot = resolve(import.meta.dirname, '../../../..');
const outputDirectory = join(workspaceRoot, 'dist/apps/dashboard');
const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

console.log('web benchmark: production build of the dashboard (nx run dashboard:build, --stats-json)');
const started = performance.now();
// Never a cached result: the figure is of this checkout as it is.
const build = spawnSync(
  'npx',
  ['nx', 'run', 'dashboard:build:production', '--skip-nx-cache', '--outputStyle=static', '--', '--stats-json'],
  { cwd: workspaceRoot, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false', FORCE_COLOR: '0' } },
);
if (build.status !== 0) {
  // The budget (500 kB initial) fails the build: show why, and exit as the build did.
  console.error(build.stdout, build.stderr);
  console.error(`The production build failed (exit ${build.status}); no figures.`);
  process.exit(build.status ?? 1);
}
console.log(`build: ${((performance.now() - started) / 1000).toFixed(1)} s`);

const bundle = measureInitialBundle(outputDirectory);
console.log('\ninitial files (main and the chunks it imports statically):');
for (const file of bundle.files) {
  console.log(`  ${file.file.padEnd(24)} ${kilobytes(file.rawBytes).padStart(10)} raw ${kilobytes(file.gzipBytes).padStart(10)} gzip`);
}
console.log('\nlargest parts of the initial JavaScript:');
for (const part of bundle.contents.slice(0, 10)) {
  console.log(`  ${kilobytes(part.bytes).padStart(10)}  ${part.name}`);
}
console.log(`\ninitial js: ${Math.round(bundle.rawBytes / 1000)} kB raw, ${Math.round(bundle.gzipBytes / 1000)} kB gzip`);
