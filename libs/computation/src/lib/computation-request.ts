/** What a compute worker is asked: one computation of one municipality's workspace. */
export interface ComputationRequest {
  readonly computationId: string;
  readonly municipalityId: string;
  /** Absolute path of the municipality's indicator workspace. */
  readonly workspaceRoot: string;
  /** The engine's own DuckDB file for this municipality: source versions persist in it between computations. */
  readonly engineDatabasePath: string;
  /** DuckDB `memory_limit` for this computation, for example `2GB`. */
  readonly memoryLimit: string;
  /** Each definition query is interrupted after this. */
  readonly queryTimeoutMs: number;
  /** DuckDB threads; all cores when left out. */
  readonly threads?: number;
  /**
   * Only these indicators (a definition saved through the web): only the
   * sources they read are brought in line, and only they are computed and
   * stored. All of them when left out.
   */
  readonly indicatorIds?: readonly string[];
}
