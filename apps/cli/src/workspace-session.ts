import type { Workspace, WorkspaceProblem } from '@koers/domain';
import type { KpiEngine, LoadOutcome } from '@koers/kpi';
import { resolve } from 'node:path';
import { EngineSettingError, engineSettingsFrom } from './engine-settings';

/** A workspace read from disk, its problems, and an engine with its sources loaded. */
export interface WorkspaceSession {
  readonly workspace: Workspace;
  readonly problems: readonly WorkspaceProblem[];
  readonly engine: KpiEngine;
  readonly load: LoadOutcome;
}

/** Loads progress is shown only on a terminal, and only once loading takes longer than this. */
const progressDelayMs = 750;

/**
 * Reads the workspace in `dir` and loads its sources into an in-memory DuckDB
 * in the engine's own process, bounded by the settings in the environment
 * (see README.md). Progress goes to stderr only when stderr is a terminal and
 * loading is slow, so pipes and `--json` stay clean.
 */
export async function openWorkspace(dir: string): Promise<WorkspaceSession> {
  const settings = await engineSettingsFrom(process.env);
  // Imported only when a command runs (main.ts): --help and usage errors need no engine.
  const { createKpiEngine, openSandbox } = await import('@koers/kpi');
  // The engine's process starts, and loads DuckDB, while the workspace reader is imported and reads the YAML.
  const sandbox = openSandbox({ root: resolve(dir), ...settings });
  const read = import('@koers/workspace').then(({ loadWorkspace }) => loadWorkspace(dir)).catch(async (error: unknown) => {
    await (await sandbox).close();
    throw error;
  });
  const [{ workspace, problems }, opened] = await Promise.all([read, sandbox]);
  const started = Date.now();
  const isTerminal = process.stderr.isTTY === true;
  let hasShownProgress = false;
  const engine = await createKpiEngine({
    workspace,
    sandbox: opened,
    onProgress: (message) => {
      if (!isTerminal || Date.now() - started < progressDelayMs) return;
      hasShownProgress = true;
      process.stderr.write(`\r\x1b[K${message}`);
    },
  });
  const load = await engine.loadSources();
  if (hasShownProgress) process.stderr.write(`\r\x1b[Kloaded ${load.versions.length} sources in ${Date.now() - started} ms\n`);
  return { workspace, problems, engine, load };
}

/**
 * Runs `command` on the opened workspace and closes its engine after. A bound
 * in the environment that cannot be read is a usage error: said on stderr, exit 2.
 * @returns the command's exit code.
 */
export async function withWorkspace(dir: string, command: (session: WorkspaceSession) => Promise<number>): Promise<number> {
  let session: WorkspaceSession;
  try {
    session = await openWorkspace(dir);
  } catch (error) {
    if (!(error instanceof EngineSettingError)) throw error;
    process.stderr.write(`koers: ${error.message}\n`);
    return 2;
  }
  try {
    return await command(session);
  } finally {
    await session.engine.close();
  }
}
