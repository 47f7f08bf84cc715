// Whether the built dashboard (dist/apps/dashboard) is current, and building it
// through Nx when it is not. Its inputs are the files of apps/dashboard and of
// libs/domain, specs aside: the module boundaries let web code import values
// only from platform:shared libs (the domain), and from the API types alone,
// which leave nothing in the bundle. The build is Nx's own `dashboard:build`,
// the one the end-to-end tests use, so either reuses the other's from Nx's cache.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readStamp, sharedInputs, staleReason, writeStamp } from './build-stamp.mjs';

/** The folders whose files the dashboard's build reads. */
const inputFolders = ['apps/dashboard', 'libs/domain/src'];
const outputFolder = 'dist/apps/dashboard';

/**
 * The stamp of the dashboard's build.
 *
 * @param {string} root
 */
export function dashboardStampFile(root) {
  return join(root, outputFolder, 'build-stamp.json');
}

/**
 * Why the built dashboard is out of date, or `null` when it is current: not
 * built by this script yet (Nx's own runs write no stamp), or one of its input
 * files added, removed or changed since.
 *
 * @param {string} root
 * @returns {string | null}
 */
export function dashboardStaleReason(root) {
  const stampFile = dashboardStampFile(root);
  if (readStamp(stampFile) === null && existsSync(join(root, outputFolder, 'browser/index.html'))) {
    return "built by Nx, which writes no stamp: Nx's cache tells";
  }
  const reason = staleReason(root, stampFile);
  if (reason !== null) return reason;
  const built = new Set(readStamp(stampFile)?.inputs ?? []);
  const added = inputFiles(root).find((file) => !built.has(file));
  return added === undefined ? null : `${added} is new`;
}

/**
 * Builds the dashboard with Nx (`dashboard:build`, production; from Nx's cache
 * when it has this build), showing its output, then writes the stamp.
 * Returns false when the build failed.
 *
 * @param {string} root
 * @returns {boolean}
 */
export function buildDashboard(root) {
  const startedAtMs = Date.now();
  const nx = join(root, 'node_modules/.bin/nx');
  const args = [nx, 'run', 'dashboard:build', '--outputStyle=static'];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  if (result.status !== 0) return false;
  writeStamp(dashboardStampFile(root), {
    startedAtMs,
    inputs: [...inputFiles(root), ...sharedInputs].sort(),
    outputs: [`${outputFolder}/browser/index.html`],
  });
  return true;
}

/**
 * Every file that can change the build: those of the input folders but the specs.
 *
 * @param {string} root
 * @returns {string[]}
 */
function inputFiles(root) {
  return inputFolders
    .flatMap((folder) => readdirSync(join(root, folder), { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.spec.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}
