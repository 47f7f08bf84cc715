export { parseWorkspace, type LoadedWorkspace, type WorkspaceFile } from './lib/workspace.parser';
export { loadWorkspace } from './lib/workspace.loader';
