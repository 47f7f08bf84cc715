import type { Workspace, WorkspaceProblem } from '@koers/domain';
import type { KpiEngine, LoadOutcome } from '@koers/kpi';
import { loadWorkspace } from '@koers/workspace';

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
 * Reads the workspace in `dir` and loads its sources into an in-memory DuckDB.
 * Progress goes to stderr only when stderr is a terminal and loading is slow,
 * so pipes and `--json` stay clean.
 */
export async function openWorkspace(dir: string): Promise<WorkspaceSession> {
  // The engine (and DuckDB's native module) loads while the workspace's YAML is read.
  const kpi = import('@koers/kpi');
  const { workspace, problems } = await loadWorkspace(dir);
  const { createKpiEngine } = await kpi;
  const started = Date.now();
  const isTerminal = process.stderr.isTTY === true;
  let hasShownProgress = false;
  const engine = await createKpiEngine({
    workspace,
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
