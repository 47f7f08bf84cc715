// Shared by the specs that run the real `koers` command on temp workspaces.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { repositoryRoot } from '../../../tools/repository-root.mjs';

const koersBin = join(repositoryRoot, 'bin/koers.mjs');

/** What one run of the command gave, and whether it had to be killed. */
export interface KoersRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** True when the run was killed at `timeoutMs`: it did not end by itself. */
  readonly isKilled: boolean;
  readonly elapsedMs: number;
}

/** Runs the real command (`node bin/koers.mjs`), as `npx koers` does, killing it after `timeoutMs`. */
export function runKoers(args: readonly string[], timeoutMs = 60_000): Promise<KoersRun> {
  const started = Date.now();
  return new Promise((done) => {
    execFile('node', [koersBin, ...args], { timeout: timeoutMs }, (error, stdout, stderr) => {
      const isKilled = error !== null && (error.killed === true || error.signal !== null);
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr, isKilled, elapsedMs: Date.now() - started });
    });
  });
}

/** The data of the test workspaces' one source: three offences in two quarters, two of them shoplifting. */
export const misdrijvenCsv = 'pleegdatum,soort,wijk\n2025-01-03,winkeldiefstal,Centrum\n2025-02-03,inbraak,Noord\n2025-04-05,winkeldiefstal,Noord\n';

/** An indicator on the misdrijven source (count per quarter), with `fields` replaced or added. */
export function indicatorYaml(fields: Record<string, string> = {}): string {
  return Object.entries({
    title: 'Winkeldiefstallen',
    unit: 'aantal',
    direction: 'lower_is_better',
    grain: 'quarter',
    source: 'misdrijven',
    time: 'pleegdatum',
    measure: 'count(*)',
    ...fields,
  })
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
}
