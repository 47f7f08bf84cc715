/** One load of a source: what was read, when, and how much. */
export interface SourceVersion {
  readonly sourceId: string;
  /** 1 for the first load, one more for each successful refresh. */
  readonly version: number;
  readonly rowCount: number;
  /** sha256 (hex) of the bytes of the files, in order. */
  readonly fileHash: string;
  /** ISO 8601, UTC. */
  readonly loadedAt: string;
  /** The files read, relative to the workspace, in order. */
  readonly files: readonly string[];
  /** The table in the sandboxed database that serves this version. */
  readonly tableName: string;
}

/** The table that holds source `id` (ids are `[a-z][a-z0-9_-]*`, so quoting is enough). */
export function sourceTableName(sourceId: string): string {
  return `source_${sourceId}`;
}
