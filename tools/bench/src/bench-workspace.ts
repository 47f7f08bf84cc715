import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repositoryRoot } from '../../repository-root.mjs';

/** A generated benchmark workspace and how long it took. */
export interface GeneratedWorkspace {
  readonly dir: string;
  readonly milliseconds: number;
  /** The generator's own summary line. */
  readonly summary: string;
}

const generator = join(repositoryRoot, 'tools/demo-data/src/main.ts');

/**
 * Generates a benchmark workspace in a new temp folder by running the
 * demo-data command line (`tools/demo-data`) as a child process, the way a
 * person would: the bench depends on its documented flags, not on its code.
 *
 * @throws Error with the generator's output when it fails.
 */
export async function generateBenchWorkspace(rows: number, indicators: number): Promise<GeneratedWorkspace> {
  const dir = await mkdtemp(join(tmpdir(), 'koers-bench-'));
  const started = performance.now();
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        generator,
        '--out',
        dir,
        '--rows',
        String(rows),
        '--indicators',
        String(indicators),
        '--format',
        'parquet',
      ],
      { cwd: repositoryRoot, maxBuffer: 16 * 1024 * 1024 },
    );
    return { dir, milliseconds: performance.now() - started, summary: stdout.trim() };
  } catch (error) {
    const output =
      error instanceof Error ? `${error.message}\n${(error as { stderr?: string }).stderr ?? ''}` : String(error);
    throw new Error(`the demo-data generator (${generator}) failed: ${output}`);
  }
}
