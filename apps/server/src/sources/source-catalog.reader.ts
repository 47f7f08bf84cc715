import type {
  ComputationRecord,
  ServingSource,
  SourceCatalog,
  SourceDefinition,
  SourceDetail,
  SourceJob,
  SourceSummary,
  SourceUse,
  Workspace,
} from '@koers/domain';
import {
  type AppDatabase,
  findSourceJob,
  type KeptSourceVersion,
  listComputations,
  listMunicipalitySourceVersions,
  listSourceJobs,
  type StoredSourceJob,
} from '@koers/persistence';
import { canUploadTo, formatOfSource, readMunicipalityWorkspace } from './municipality-workspace';

/**
 * The sources as the API reads them: the definitions from the workspace
 * folder (the source of truth), who reads each from its indicators, what
 * serves from the latest computation that succeeded (its lineage), and the
 * kept versions and jobs from the app database.
 */
export class SourceCatalogReader implements SourceCatalog {
  constructor(private readonly db: AppDatabase) {}

  async listSources(municipalityId: string): Promise<readonly SourceSummary[]> {
    const read = await readMunicipalityWorkspace(this.db, municipalityId);
    if (read === null) return [];
    const [versions, jobs, serving] = await Promise.all([
      listMunicipalitySourceVersions(this.db, municipalityId),
      listSourceJobs(this.db, municipalityId, { limit: 200 }),
      this.servingSources(municipalityId),
    ]);
    return read.workspace.sources.map((source) => summaryOf(source, read.workspace, versions, jobs, serving));
  }

  async getSource(municipalityId: string, sourceId: string): Promise<SourceDetail | null> {
    const read = await readMunicipalityWorkspace(this.db, municipalityId);
    const source = read?.workspace.sources.find((candidate) => candidate.id === sourceId);
    if (read === null || source === undefined) return null;
    const [versions, jobs, serving] = await Promise.all([
      listMunicipalitySourceVersions(this.db, municipalityId),
      listSourceJobs(this.db, municipalityId, { sourceId, limit: 10 }),
      this.servingSources(municipalityId),
    ]);
    const summary = summaryOf(source, read.workspace, versions, jobs, serving);
    const own = versions.filter((version) => version.sourceId === sourceId);
    return {
      ...summary,
      versions: own.map((version) => ({
        municipalityId: version.municipalityId,
        sourceId: version.sourceId,
        version: version.version,
        sha256: version.sha256,
        rowCount: version.rowCount,
        sizeBytes: version.sizeBytes,
        format: version.format,
        uploadedBy: version.uploadedBy,
        uploadedAt: version.uploadedAt,
        isServing: version.version === summary.serving?.version,
      })),
      jobs: jobs.map(publicJob),
    };
  }

  async getJob(municipalityId: string, jobId: string): Promise<SourceJob | null> {
    const job = await findSourceJob(this.db, municipalityId, jobId);
    return job === undefined ? null : publicJob(job);
  }

  /** What the latest computation that succeeded read of each source (its lineage), by source id. */
  private async servingSources(municipalityId: string): Promise<ReadonlyMap<string, NonNullable<ComputationRecord['inputs']>['sources'][number]>> {
    const computations = await listComputations(this.db, municipalityId, 50);
    const succeeded = computations.find((computation) => computation.status === 'succeeded' && computation.inputs !== null);
    return new Map((succeeded?.inputs?.sources ?? []).map((source) => [source.sourceId, source]));
  }
}

/** A job as the API shows it: without the waiting file's name or the instance. */
export function publicJob(job: StoredSourceJob): SourceJob {
  const { id, municipalityId, sourceId, kind, state, format, sizeBytes, sha256, preview, version, rowCount, problem, steps, createdBy, createdAt, updatedAt } = job;
  return { id, municipalityId, sourceId, kind, state, format, sizeBytes, sha256, preview, version, rowCount, problem, steps, createdBy, createdAt, updatedAt };
}

function summaryOf(
  source: SourceDefinition,
  workspace: Workspace,
  versions: readonly KeptSourceVersion[],
  jobs: readonly StoredSourceJob[],
  serving: ReadonlyMap<string, { readonly fileHash: string; readonly rowCount: number; readonly loadedAt: string }>,
): SourceSummary {
  const read = serving.get(source.id);
  const kept = read === undefined ? undefined : versions.find((version) => version.sourceId === source.id && version.sha256 === read.fileHash);
  const servingSource: ServingSource | null = read === undefined ? null : { sha256: read.fileHash, rowCount: read.rowCount, loadedAt: read.loadedAt, version: kept?.version ?? null };
  const last = jobs.find((job) => job.sourceId === source.id);
  return {
    id: source.id,
    title: source.title,
    path: source.path,
    format: formatOfSource(source) ?? null,
    owner: source.owner ?? null,
    description: source.description ?? null,
    columns: source.columns ?? {},
    usedBy: usesOf(source.id, workspace),
    serving: servingSource,
    canUpload: canUploadTo(source),
    lastJob: last === undefined ? null : { id: last.id, kind: last.kind, state: last.state, problem: last.problem, updatedAt: last.updatedAt },
  };
}

/** The indicators that read a source, by id, and how. */
export function usesOf(sourceId: string, workspace: Workspace): SourceUse[] {
  return workspace.indicators
    .filter((indicator) => indicator.source === sourceId || indicator.per?.source === sourceId)
    .map((indicator) => ({
      indicatorId: indicator.id,
      title: indicator.title,
      as: [...(indicator.source === sourceId ? (['source'] as const) : []), ...(indicator.per?.source === sourceId ? (['per.source'] as const) : [])],
    }))
    .sort((left, right) => left.indicatorId.localeCompare(right.indicatorId));
}
