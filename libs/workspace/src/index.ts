export { parseWorkspace, type LoadedWorkspace, type ReadOptions, type WorkspaceFile } from './lib/workspace.parser';
export { loadWorkspace, loadWorkspaceWithChanges, readWorkspaceFolder, type WorkspaceChange } from './lib/workspace.loader';
export { defaultWorkspaceLimits, type WorkspaceLimits } from './lib/workspace-limits';
export { readIndicatorDraft, writeIndicatorYaml } from './lib/indicator.serializer';
export { defaultWorkspaceZipLimits, readWorkspaceZip, type WorkspaceZip, type WorkspaceZipLimits } from './lib/workspace-zip.reader';
export { writeWorkspaceZip, type WorkspaceZipOptions, type WorkspaceZipStream } from './lib/workspace-zip.writer';
export { linkIndicatorToEffect, type EffectLinkWrite } from './lib/effect-link.writer';
