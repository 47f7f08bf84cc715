import { execFile } from 'node:child_process';
import { repositoryRoot } from '../../../repository-root.mjs';

/** The repository root: the `koers` command runs from there, as `npx koers` would. */
export { repositoryRoot };

/** What one run of the command gave. */
export interface KoersRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly milliseconds: number;
}

/**
 * Runs the real `node bin/koers.mjs <args>` (what `npx koers` starts) in the
 * repository root and resolves with its exit code and output; never rejects
 * on a non-zero exit, that is what the specs look at.
 */
export function runKoers(args: readonly string[]): Promise<KoersRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['bin/koers.mjs', ...args],
      { cwd: repositoryRoot, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        if (code === null) {
          reject(new Error(`koers ${args.join(' ')} did not exit normally: ${error?.message}\n${stderr}`));
          return;
        }
        resolve({ exitCode: code, stdout, stderr, milliseconds: Date.now() - started });
      },
    );
  });
}

/** The JSON `compute --json` prints (docs/workspace-format.md, "The command-line tool"). */
export interface ComputeOutput {
  readonly indicators: readonly unknown[];
  readonly errors: readonly { readonly file: string; readonly message: string }[];
}

/** Parses `compute --json` output, saying what was printed when it is not JSON. */
export function parseComputeOutput(run: KoersRun): ComputeOutput {
  try {
    return JSON.parse(run.stdout) as ComputeOutput;
  } catch {
    throw new Error(`compute --json printed no JSON (exit ${run.exitCode}):\n${run.stdout}\n${run.stderr}`);
  }
}

/** One `check` line: `path: message` or `path:line: message`. */
export interface CheckLine {
  readonly path: string;
  readonly line: number | null;
  readonly message: string;
}

/** Splits `check` output into its problem lines; a line in another shape keeps its text as the message. */
export function parseCheckLines(stdout: string): CheckLine[] {
  return stdout
    .split('\n')
    .filter((text) => text.trim() !== '')
    .map((text) => {
      const match = /^([^\s:]+?)(?::(\d+))?: (.*)$/.exec(text);
      if (!match) return { path: '', line: null, message: text };
      return { path: match[1] ?? '', line: match[2] ? Number(match[2]) : null, message: match[3] ?? '' };
    });
}
