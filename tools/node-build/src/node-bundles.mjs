// The Node programs Koers runs, precompiled by esbuild so that nothing is
// transpiled at start-up: the `koers` command and the server (with each of its
// `*.worker.ts` as a program of its own beside it). Plain JavaScript: the
// `koers` shim and `npm start` use it before anything is built. esbuild itself
// is imported only when a build runs.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { sharedInputs, staleReason, readStamp, writeFileAtomically, writeStamp } from './build-stamp.mjs';

/**
 * The programs, by name: where their entry points are and where they go.
 * Every output file is `<outdir>/<name>.mjs`, and shared code goes beside them
 * as `<outdir>/<name>-<hash>.mjs`: one folder, so `import.meta.dirname`
 * is the same in every file of a program, wherever esbuild puts the code that
 * asks (the server finds a worker as `join(import.meta.dirname, 'compute.worker.mjs')`).
 */
/** @type {Record<'cli' | 'server', { title: string, outdir: string, entryPoints: (root: string) => Record<string, string> }>} */
export const nodeBundles = {
  cli: {
    title: 'the koers command',
    outdir: 'dist/apps/cli',
    entryPoints: () => ({ koers: 'apps/cli/src/main.ts' }),
  },
  server: {
    title: 'the server',
    outdir: 'dist/apps/server',
    // The server spawns each worker as a child process, from the file beside its own.
    entryPoints: (root) => ({ main: 'apps/server/src/main.ts', ...workerEntryPoints(root, 'apps/server/src') }),
  },
};

/**
 * Every `*.worker.ts` under `folder` (relative to `root`), by its output name:
 * `compute.worker.ts` → `compute.worker`. Two workers with one file name would
 * overwrite each other's output, so that is an error.
 *
 * @param {string} root
 * @param {string} folder
 * @returns {Record<string, string>}
 */
export function workerEntryPoints(root, folder) {
  /** @type {Record<string, string>} */
  const entries = {};
  const files = readdirSync(join(root, folder), { recursive: true, withFileTypes: true });
  for (const file of files) {
    if (!file.isFile() || !file.name.endsWith('.worker.ts')) continue;
    const path = relative(root, join(file.parentPath, file.name));
    const name = basename(file.name, '.ts');
    if (entries[name] !== undefined) {
      throw new Error(`Two workers would both become ${name}.mjs: ${entries[name]} and ${path}. Rename one of them.`);
    }
    entries[name] = path;
  }
  return entries;
}

/**
 * The stamp file of a program's build.
 *
 * @param {string} root
 * @param {keyof typeof nodeBundles} name
 */
export function stampFileOf(root, name) {
  return join(root, nodeBundles[name].outdir, 'build-stamp.json');
}

/**
 * Why the build of program `name` is out of date, or `null` when it is current.
 *
 * @param {string} root
 * @param {keyof typeof nodeBundles} name
 * @returns {string | null}
 */
export function bundleStaleReason(root, name) {
  const stampFile = stampFileOf(root, name);
  const reason = staleReason(root, stampFile);
  if (reason !== null) return reason;
  const entryPoints = Object.values(nodeBundles[name].entryPoints(root)).sort();
  const built = readStamp(stampFile)?.entryPoints ?? [];
  if (JSON.stringify(entryPoints) !== JSON.stringify(built)) return 'its entry points changed';
  return null;
}

/**
 * Builds program `name` with esbuild: ESM for Node 20, every dependency bundled
 * except DuckDB's native packages, each output written atomically (several
 * `koers` processes may build at once), then the stamp. With `isPruning`, the
 * program files the new build did not write (old chunks, a worker since
 * renamed) are removed; not done on the fly by `koers`, as another run may
 * still be reading them.
 *
 * @param {string} root
 * @param {keyof typeof nodeBundles} name
 * @param {{ isPruning?: boolean }} [options]
 * @returns {Promise<{ outputs: string[], milliseconds: number }>}
 */
export async function buildNodeBundle(root, name, { isPruning = false } = {}) {
  const { build } = await import('esbuild');
  const bundle = nodeBundles[name];
  const startedAtMs = Date.now();
  const entryPoints = bundle.entryPoints(root);
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.entries(entryPoints).map(([out, input]) => ({ in: input, out })),
    outdir: bundle.outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    bundle: true,
    // Code a command imports lazily (DuckDB for `compute`) stays out of `--help`.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: 'tsconfig.base.json',
    // Native: loaded from node_modules at run time.
    // Native modules load from node_modules at run time; pg-native is pg's optional native driver, never installed here.
    // playwright-core (the reports' PDF) resolves its own files at run time, and exceljs its optional parts: both load from node_modules.
    external: ['@duckdb/*', '@node-rs/*', 'pg-native', 'playwright-core', 'exceljs'],
    // Bundled CommonJS packages may `require` Node's own modules.
    banner: { js: "import { createRequire as __koersCreateRequire } from 'node:module'; const require = __koersCreateRequire(import.meta.url);" },
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const entryOutputs = Object.keys(entryPoints).map((output) => `${bundle.outdir}/${output}.mjs`);
  // Chunks first, the entry points last: an entry point never refers to a chunk not yet written.
  const files = [...result.outputFiles].sort((a, b) => Number(isEntry(a)) - Number(isEntry(b)));
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileAtomically(file.path, file.contents);
  }
  if (isPruning) pruneOutputs(join(root, bundle.outdir), new Set(result.outputFiles.map((file) => file.path)));
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('node_modules/'));
  writeStamp(stampFileOf(root, name), {
    startedAtMs,
    // This file too: a change to how the programs are built makes every build stale.
    inputs: [...new Set([...inputs, ...sharedInputs, relative(root, import.meta.filename)])].sort(),
    outputs: entryOutputs.sort(),
    entryPoints: Object.values(entryPoints).sort(),
  });
  return { outputs: entryOutputs, milliseconds: Date.now() - startedAtMs };

  /** @param {{ path: string }} file */
  function isEntry(file) {
    return entryOutputs.includes(relative(root, file.path));
  }
}

/**
 * Removes the program files (`*.mjs`) in `folder` that are not in `keep` (absolute paths).
 *
 * @param {string} folder
 * @param {Set<string>} keep
 */
function pruneOutputs(folder, keep) {
  for (const file of readdirSync(folder)) {
    const path = join(folder, file);
    if (file.endsWith('.mjs') && !keep.has(path)) rmSync(path, { force: true });
  }
}
