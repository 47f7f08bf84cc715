import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What esbuild's metafile (`--stats-json`) says of one output file. */
interface MetafileOutput {
  readonly bytes: number;
  readonly entryPoint?: string;
  readonly imports?: readonly { readonly path: string; readonly kind: string }[];
  readonly inputs?: Readonly<Record<string, { readonly bytesInOutput: number }>>;
}

/** One JavaScript file the browser must load before the first paint. */
export interface InitialFile {
  readonly file: string;
  readonly rawBytes: number;
  readonly gzipBytes: number;
}

/** The initial JavaScript of a build, and what it is made of. */
export interface InitialBundle {
  readonly files: readonly InitialFile[];
  readonly rawBytes: number;
  readonly gzipBytes: number;
  /** Bytes per package (or app folder) inside the initial files, largest first. */
  readonly contents: readonly { readonly name: string; readonly bytes: number }[];
}

/**
 * The initial JavaScript of an Angular application build: `main-*.js` and every
 * chunk it imports statically, transitively (dynamic imports are lazy chunks).
 * Sizes are read from the files in `browser/`; gzip at zlib's default level,
 * per file, as a web server sends them.
 */
export function measureInitialBundle(outputDirectory: string): InitialBundle {
  const stats = JSON.parse(readFileSync(join(outputDirectory, 'stats.json'), 'utf8')) as {
    outputs: Record<string, MetafileOutput>;
  };
  const outputs = stats.outputs;
  const main = Object.keys(outputs).find((file) => /(^|\/)main-[A-Z0-9]+\.js$/.test(file));
  if (main === undefined) {
    throw new Error(`${join(outputDirectory, 'stats.json')} names no main-*.js: is this an @angular/build:application build?`);
  }
  const initial = new Set<string>();
  const pending = [main];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (initial.has(file)) continue;
    initial.add(file);
    for (const imported of outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && imported.path in outputs) pending.push(imported.path);
    }
  }
  const files = [...initial].sort().map((file) => {
    const content = readFileSync(join(outputDirectory, 'browser', file.replace(/^.*\//, '')));
    return { file, rawBytes: content.length, gzipBytes: gzipSync(content).length };
  });
  const contents = new Map<string, number>();
  for (const file of initial) {
    for (const [input, { bytesInOutput }] of Object.entries(outputs[file]?.inputs ?? {})) {
      const name = packageOf(input);
      contents.set(name, (contents.get(name) ?? 0) + bytesInOutput);
    }
  }
  return {
    files,
    rawBytes: files.reduce((total, file) => total + file.rawBytes, 0),
    gzipBytes: files.reduce((total, file) => total + file.gzipBytes, 0),
    contents: [...contents].map(([name, bytes]) => ({ name, bytes })).sort((left, right) => right.bytes - left.bytes),
  };
}

/** `node_modules/@angular/core/fesm2022/core.mjs` → `@angular/core`; app files by their folder. */
function packageOf(input: string): string {
  const inModules = input.split('node_modules/').at(-1) ?? input;
  if (inModules !== input) {
    const parts = inModules.split('/');
    return (parts[0]?.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
  }
  return input.split('/').slice(0, 5).join('/');
}
