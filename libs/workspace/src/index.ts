export { parseWorkspace, type LoadedWorkspace, type ReadOptions, type WorkspaceFile } from './lib/workspace.parser';
export { loadWorkspace } from './lib/workspace.loader';
export { defaultWorkspaceLimits, type WorkspaceLimits } from './lib/workspace-limits';
export { readWorkspaceFiles, type ReadWorkspaceFiles } from './lib/workspace.loader';
export { leadingComments, serializeProgram } from './lib/program.serializer';
export { readProgramFile, revisionOf, writeProgramFile, type ProgramFileSnapshot, type ProgramWriteResult } from './lib/program-file.editor';
export { writeFileAtomically } from './lib/atomic-file.writer';
