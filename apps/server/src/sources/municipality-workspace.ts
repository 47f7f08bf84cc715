import type { SourceDefinition, Workspace } from '@koers/domain';
import { type AppDatabase, listMunicipalityWorkspaces } from '@koers/persistence';
import { loadWorkspace } from '@koers/workspace';

/** A municipality's workspace folder and its definitions, as read now. */
export interface MunicipalityWorkspace {
  readonly root: string;
  readonly workspace: Workspace;
}

/** Reads the municipality's workspace (definitions only, never data); null when it has none. */
export async function readMunicipalityWorkspace(db: AppDatabase, municipalityId: string): Promise<MunicipalityWorkspace | null> {
  const known = (await listMunicipalityWorkspaces(db)).find((candidate) => candidate.id === municipalityId);
  if (known === undefined) return null;
  const { workspace } = await loadWorkspace(known.workspaceRoot);
  return { root: known.workspaceRoot, workspace };
}

/**
 * Whether a new version of the source can be uploaded: it reads one plain
 * file (not a glob, not compressed), which an upload replaces.
 */
export function canUploadTo(source: SourceDefinition): boolean {
  return !/[*?[{]/.test(source.path) && !/\.(gz|zst)$/i.test(source.path);
}

/** The format of a source: its `format:`, else its path's extension. */
export function formatOfSource(source: SourceDefinition): SourceDefinition['format'] {
  if (source.format !== undefined) return source.format;
  const path = source.path.toLowerCase();
  if (path.endsWith('.csv')) return 'csv';
  if (path.endsWith('.parquet')) return 'parquet';
  if (/\.(json|ndjson|jsonl)$/.test(path)) return 'json';
  return undefined;
}
