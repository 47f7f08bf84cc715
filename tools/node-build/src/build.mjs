#!/usr/bin/env node
// `node tools/node-build/src/build.mjs [cli] [server] [--if-stale] [--warn-only]`:
// precompiles the Node programs (all of them when none is named). The Nx
// `build` targets of cli and server run it; `npm ci` runs it through the root
// `prepare` script with `--if-stale --warn-only`, so a fresh clone has
// `koers` built and a failed build never fails the install (`koers` then
// says why and runs from source).
import { parseArgs } from 'node:util';
import { buildNodeBundle, bundleStaleReason, nodeBundles } from './node-bundles.mjs';
import { repositoryRoot } from '../../repository-root.mjs';

const usage = `Usage: node tools/node-build/src/build.mjs [${Object.keys(nodeBundles).join('] [')}] [--if-stale] [--warn-only]

  --if-stale    build only what is missing or older than its sources
  --warn-only   on failure, print a warning and exit 0
  -h, --help    show this text`;

/** @typedef {keyof typeof nodeBundles} ProgramName */

/**
 * @param {string[]} argv
 * @returns {{ names: ProgramName[], isIfStale: boolean, isWarnOnly: boolean } | 'help'}
 */
function parseCommandLine(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'if-stale': { type: 'boolean', default: false },
      'warn-only': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const known = /** @type {ProgramName[]} */ (Object.keys(nodeBundles));
  const unknown = positionals.filter((name) => !known.some((program) => program === name));
  if (unknown.length > 0) throw new Error(`unknown program "${unknown.join('", "')}": choose from ${known.join(', ')}`);
  const names = known.filter((program) => positionals.length === 0 || positionals.includes(program));
  return { names, isIfStale: values['if-stale'], isWarnOnly: values['warn-only'] };
}

let request;
try {
  request = parseCommandLine(process.argv.slice(2));
} catch (error) {
  console.error(`build: ${messageOf(error)}\n\n${usage}`);
  process.exit(2);
}
if (request === 'help') {
  console.log(usage);
  process.exit(0);
}

for (const name of request.names) {
  const { title, outdir } = nodeBundles[name];
  const reason = bundleStaleReason(repositoryRoot, name);
  if (request.isIfStale && reason === null) {
    console.log(`${title}: ${outdir} is current`);
    continue;
  }
  try {
    const { milliseconds } = await buildNodeBundle(repositoryRoot, name, { isPruning: true });
    console.log(`${title}: built ${outdir} in ${(milliseconds / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(`${request.isWarnOnly ? 'warning: ' : ''}could not build ${title} (${outdir}):\n${messageOf(error)}`);
    if (!request.isWarnOnly) process.exit(1);
  }
}

/** @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}
