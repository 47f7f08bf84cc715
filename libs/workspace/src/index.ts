export { parseWorkspace, type LoadedWorkspace, type ReadOptions, type WorkspaceFile } from './lib/workspace.parser';
export { loadWorkspace } from './lib/workspace.loader';
export { defaultWorkspaceLimits, type WorkspaceLimits } from './lib/workspace-limits';
