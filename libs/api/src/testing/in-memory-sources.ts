import {
  SourceCommandRefused,
  type NewSourceInput,
  type SourceCatalog,
  type SourceCommands,
  type SourceDetail,
  type SourceJob,
  type SourceJobState,
  type SourcePreview,
  type SourceSummary,
  type Viewer,
} from '@koers/domain';

/** What the in-memory sources hold, per municipality id. */
export interface SourcesContents {
  readonly sources: Readonly<Record<string, readonly SourceDetail[]>>;
  readonly jobs: Readonly<Record<string, readonly SourceJob[]>>;
}

/** The steps a published job takes after `loading`, one per read of the job, as the server's would pass. */
const afterLoading: readonly SourceJobState[] = ['computing', 'done'];

/**
 * Sources, their versions and jobs in memory: the `SourceCatalog` and
 * `SourceCommands` of the real `appRouter` in tests (here and in the
 * dashboard). A published upload, a new source or a rollback starts at
 * `loading` and moves one step (`computing`, `done`) each time the job is
 * read, so a test sees the steps a poller sees; once done, the new version
 * serves. `addUpload` stands in for the HTTP upload route (a previewed job);
 * `failNext` makes the next published job end `failed` with that problem.
 */
export class InMemorySources implements SourceCatalog, SourceCommands {
  /** When set, every read rejects with it. */
  failure: Error | null = null;
  /** When set, the next published job ends `failed` with this message (the previous version keeps serving). */
  failNext: string | null = null;
  private readonly failing = new Set<string>();
  private sequence = 0;

  constructor(
    public contents: SourcesContents = sampleSourcesContents(),
    private readonly now: () => Date = () => new Date('2026-11-30T12:00:00Z'),
  ) {}

  async listSources(municipalityId: string): Promise<readonly SourceSummary[]> {
    this.throwFailure();
    return (this.contents.sources[municipalityId] ?? []).map((detail): SourceSummary => {
      const { id, title, path, format, owner, description, columns, usedBy, serving, canUpload, lastJob } = detail;
      return { id, title, path, format, owner, description, columns, usedBy, serving, canUpload, lastJob };
    });
  }

  async getSource(municipalityId: string, sourceId: string): Promise<SourceDetail | null> {
    this.throwFailure();
    return this.contents.sources[municipalityId]?.find((source) => source.id === sourceId) ?? null;
  }

  async getJob(municipalityId: string, jobId: string): Promise<SourceJob | null> {
    this.throwFailure();
    const job = this.jobOf(municipalityId, jobId);
    if (job === undefined) return null;
    if (job.state !== 'loading' && job.state !== 'computing') return job;
    const isFailing = this.failing.has(job.id);
    const next: SourceJobState = isFailing ? 'failed' : (afterLoading[afterLoading.indexOf(job.state) + 1] ?? 'done');
    const moved = this.step(municipalityId, job, next, isFailing ? { problem: { file: `sources/${job.sourceId ?? 'nieuw'}.yaml`, message: this.failNextMessage(job.id) } } : {});
    if (next === 'done') this.serve(municipalityId, moved);
    return this.jobOf(municipalityId, jobId) ?? moved;
  }

  /** Adds a previewed upload, as the HTTP upload route leaves it; returns the job. */
  addUpload(municipalityId: string, upload: { readonly sourceId: string | null; readonly preview: SourcePreview; readonly sha256?: string; readonly sizeBytes?: number }): SourceJob {
    this.sequence += 1;
    const at = this.now().toISOString();
    const job: SourceJob = {
      id: `upload-${this.sequence}`,
      municipalityId,
      sourceId: upload.sourceId,
      kind: upload.sourceId === null ? 'new_source' : 'upload',
      // As the server leaves it: a file that does not load ends its preview failed.
      state: upload.preview.problem === null ? 'previewed' : 'failed',
      format: upload.preview.format,
      sizeBytes: upload.sizeBytes ?? 1_234,
      sha256: upload.sha256 ?? `${this.sequence}`.padStart(64, 'f'),
      preview: upload.preview,
      version: null,
      rowCount: null,
      problem: upload.preview.problem,
      steps: [
        { state: 'received', at },
        { state: 'previewing', at },
        { state: upload.preview.problem === null ? 'previewed' : 'failed', at },
      ],
      createdBy: 'data@proef.koers.example',
      createdAt: at,
      updatedAt: at,
    };
    this.putJob(municipalityId, job);
    return job;
  }

  async publishUpload(municipalityId: string, jobId: string, by: Viewer): Promise<SourceJob> {
    const job = this.previewedJob(municipalityId, jobId, 'upload');
    if (job.preview?.problem) throw new SourceCommandRefused('invalid', `Het bestand laadt niet: ${job.preview.problem.message}`);
    return this.start(municipalityId, { ...job, createdBy: by.email });
  }

  async createSource(municipalityId: string, input: NewSourceInput, by: Viewer): Promise<SourceJob> {
    const job = this.previewedJob(municipalityId, input.jobId, 'new_source');
    if (this.contents.sources[municipalityId]?.some((source) => source.id === input.sourceId)) {
      throw new SourceCommandRefused('conflict', `er is al een bron "${input.sourceId}": kies een ander id`, 'sourceId');
    }
    const source: SourceDetail = {
      id: input.sourceId,
      title: input.title,
      path: `data/${input.sourceId}.${job.format === 'parquet' ? 'parquet' : job.format === 'json' ? 'json' : 'csv'}`,
      format: job.format,
      owner: input.owner ?? null,
      description: input.description ?? null,
      columns: input.columns,
      usedBy: [],
      serving: null,
      canUpload: true,
      lastJob: null,
      versions: [],
      jobs: [],
    };
    this.putSources(municipalityId, [...(this.contents.sources[municipalityId] ?? []), source].sort((left, right) => left.id.localeCompare(right.id)));
    return this.start(municipalityId, { ...job, sourceId: input.sourceId, createdBy: by.email });
  }

  async rollback(municipalityId: string, sourceId: string, version: number, by: Viewer): Promise<SourceJob> {
    const source = this.requireSource(municipalityId, sourceId);
    const kept = source.versions.find((candidate) => candidate.version === version);
    if (kept === undefined) throw new SourceCommandRefused('not_found', `bron "${sourceId}" heeft geen versie ${version}`, 'version');
    this.sequence += 1;
    const at = this.now().toISOString();
    const job: SourceJob = {
      id: `rollback-${this.sequence}`,
      municipalityId,
      sourceId,
      kind: 'rollback',
      state: 'received',
      format: kept.format,
      sizeBytes: kept.sizeBytes,
      sha256: kept.sha256,
      preview: null,
      version,
      rowCount: null,
      problem: null,
      steps: [{ state: 'received', at }],
      createdBy: by.email,
      createdAt: at,
      updatedAt: at,
    };
    return this.start(municipalityId, job);
  }

  async deleteSource(municipalityId: string, sourceId: string): Promise<void> {
    const source = this.requireSource(municipalityId, sourceId);
    if (source.usedBy.length > 0) {
      throw new SourceCommandRefused('conflict', `bron "${sourceId}" wordt gebruikt door ${source.usedBy.map((use) => `indicator "${use.indicatorId}"`).join(', ')}: pas die eerst aan`);
    }
    this.putSources(municipalityId, (this.contents.sources[municipalityId] ?? []).filter((candidate) => candidate.id !== sourceId));
  }

  async discardUpload(municipalityId: string, jobId: string): Promise<void> {
    const job = this.jobOf(municipalityId, jobId);
    if (job?.state !== 'previewed') throw new SourceCommandRefused('not_found', 'deze upload wacht niet (meer) op bevestiging');
    this.step(municipalityId, job, 'failed', { problem: { file: 'upload', message: 'weggegooid' } });
  }

  private start(municipalityId: string, job: SourceJob): SourceJob {
    if (this.failNext !== null) this.failing.add(job.id);
    return this.step(municipalityId, job, 'loading');
  }

  private failNextMessage(jobId: string): string {
    const message = this.failNext ?? 'het laden is mislukt';
    this.failNext = null;
    this.failing.delete(jobId);
    return message;
  }

  /** The finished job's version serves: a new kept version (an upload or new source) or the one rolled back to. */
  private serve(municipalityId: string, job: SourceJob): void {
    const source = this.requireSource(municipalityId, job.sourceId ?? '');
    const rowCount = job.preview?.rowCount ?? source.versions.find((kept) => kept.version === job.version)?.rowCount ?? null;
    const version = job.kind === 'rollback' ? (job.version ?? 1) : (source.versions[0]?.version ?? 0) + 1;
    const at = this.now().toISOString();
    const versions =
      job.kind === 'rollback'
        ? source.versions
        : [
            {
              municipalityId,
              sourceId: source.id,
              version,
              sha256: job.sha256 ?? '',
              rowCount,
              sizeBytes: job.sizeBytes ?? 0,
              format: job.format ?? 'csv',
              uploadedBy: job.createdBy,
              uploadedAt: at,
              isServing: false,
            },
            ...source.versions,
          ];
    const served: SourceDetail = {
      ...source,
      versions: versions.map((kept) => ({ ...kept, isServing: kept.version === version })),
      serving: { sha256: job.sha256 ?? '', rowCount: rowCount ?? 0, loadedAt: at, version },
    };
    this.replaceSource(municipalityId, served);
    this.putJob(municipalityId, { ...job, version, rowCount });
  }

  private step(municipalityId: string, job: SourceJob, state: SourceJobState, change: Partial<SourceJob> = {}): SourceJob {
    const at = this.now().toISOString();
    const moved: SourceJob = { ...job, ...change, state, steps: [...job.steps, { state, at }], updatedAt: at };
    this.putJob(municipalityId, moved);
    if (moved.sourceId !== null) {
      const source = this.contents.sources[municipalityId]?.find((candidate) => candidate.id === moved.sourceId);
      if (source !== undefined) {
        const lastJob = { id: moved.id, kind: moved.kind, state: moved.state, problem: moved.problem, updatedAt: moved.updatedAt };
        this.replaceSource(municipalityId, { ...source, lastJob, jobs: [moved, ...source.jobs.filter((other) => other.id !== moved.id)] });
      }
    }
    return moved;
  }

  private previewedJob(municipalityId: string, jobId: string, kind: SourceJob['kind']): SourceJob {
    const job = this.jobOf(municipalityId, jobId);
    if (job === undefined || job.kind !== kind) throw new SourceCommandRefused('not_found', 'deze upload bestaat niet in deze gemeente');
    if (job.state !== 'previewed') throw new SourceCommandRefused('conflict', `deze upload is al ${job.state === 'failed' ? 'mislukt of weggegooid' : 'verwerkt'}`);
    return job;
  }

  private requireSource(municipalityId: string, sourceId: string): SourceDetail {
    const source = this.contents.sources[municipalityId]?.find((candidate) => candidate.id === sourceId);
    if (source === undefined) throw new SourceCommandRefused('not_found', `bron "${sourceId}" bestaat niet in deze gemeente`, 'sourceId');
    return source;
  }

  private jobOf(municipalityId: string, jobId: string): SourceJob | undefined {
    return this.contents.jobs[municipalityId]?.find((job) => job.id === jobId);
  }

  private putJob(municipalityId: string, job: SourceJob): void {
    const others = (this.contents.jobs[municipalityId] ?? []).filter((other) => other.id !== job.id);
    this.contents = { ...this.contents, jobs: { ...this.contents.jobs, [municipalityId]: [job, ...others] } };
  }

  private replaceSource(municipalityId: string, source: SourceDetail): void {
    this.putSources(municipalityId, (this.contents.sources[municipalityId] ?? []).map((candidate) => (candidate.id === source.id ? source : candidate)));
  }

  private putSources(municipalityId: string, sources: readonly SourceDetail[]): void {
    this.contents = { ...this.contents, sources: { ...this.contents.sources, [municipalityId]: sources } };
  }

  private throwFailure(): void {
    if (this.failure) throw this.failure;
  }
}

/** A preview of a small CSV of misdrijven that loads: three columns, declared as the sample source declares them. */
export function samplePreview(overrides: Partial<SourcePreview> = {}): SourcePreview {
  return {
    format: 'csv',
    columns: [
      { name: 'pleegdatum', detectedType: 'DATE', suggestedType: 'date', declaredType: 'date' },
      { name: 'soort', detectedType: 'VARCHAR', suggestedType: 'varchar', declaredType: 'varchar' },
      { name: 'wijk', detectedType: 'VARCHAR', suggestedType: 'varchar', declaredType: 'varchar' },
    ],
    missingColumns: [],
    rows: [
      ['2026-10-02', 'winkeldiefstal', 'Centrum'],
      ['2026-10-05', 'vernieling', 'De Kwakel'],
    ],
    rowCount: 1_204,
    problem: null,
    ...overrides,
  };
}

/**
 * Uithoorn's sources (misdrijven read by winkeldiefstallen and vernielingen,
 * with two kept versions; bevolking as the denominator; an unused archive),
 * Hilversum's misdrijven, and in Uithoorn a previewed upload for misdrijven
 * (`upload-misdrijven`) and one for a new source (`upload-nieuw`).
 */
export function sampleSourcesContents(): SourcesContents {
  const version = (sourceId: string, number: number, isServing: boolean, uploadedBy: string, uploadedAt: string) => ({
    municipalityId: 'uithoorn',
    sourceId,
    version: number,
    sha256: `${sourceId}-${number}`.padEnd(64, '0'),
    rowCount: 1_000 + number,
    sizeBytes: 48_000 + number,
    format: 'csv' as const,
    uploadedBy,
    uploadedAt,
    isServing,
  });
  const misdrijvenVersions = [version('misdrijven', 2, true, 'data@demo.koers.nl', '2026-10-01T08:00:00.000Z'), version('misdrijven', 1, false, 'werkmap', '2026-07-01T08:00:00.000Z')];
  const base = {
    format: 'csv' as const,
    owner: 'Team Data Gedreven Werken',
    description: null,
    canUpload: true,
    lastJob: null,
    jobs: [],
  };
  const misdrijven = (municipalityId: string): SourceDetail => ({
    ...base,
    id: 'misdrijven',
    title: 'Geregistreerde misdrijven',
    path: 'data/misdrijven.csv',
    columns: { pleegdatum: 'date', soort: 'varchar', wijk: 'varchar' },
    usedBy: [
      { indicatorId: 'vernielingen', title: 'Vernielingen', as: ['source'] },
      { indicatorId: 'winkeldiefstallen', title: 'Winkeldiefstallen per 1.000 inwoners', as: ['source'] },
    ],
    serving: { sha256: misdrijvenVersions[0]?.sha256 ?? '', rowCount: 1_002, loadedAt: '2026-10-01T08:01:00.000Z', version: municipalityId === 'uithoorn' ? 2 : null },
    versions: municipalityId === 'uithoorn' ? misdrijvenVersions : [],
  });
  const uithoorn: SourceDetail[] = [
    {
      ...base,
      id: 'bevolking',
      title: 'Bevolking per wijk op 1 januari',
      path: 'data/bevolking.csv',
      columns: { peildatum: 'date', wijk: 'varchar', inwoners: 'integer' },
      usedBy: [{ indicatorId: 'winkeldiefstallen', title: 'Winkeldiefstallen per 1.000 inwoners', as: ['per.source'] }],
      serving: { sha256: 'b'.repeat(64), rowCount: 40, loadedAt: '2026-07-01T08:01:00.000Z', version: null },
      versions: [],
    },
    misdrijven('uithoorn'),
    { ...base, id: 'oud-archief', title: 'Oud archief', path: 'data/archief/*.csv', columns: {}, usedBy: [], serving: null, canUpload: false, versions: [] },
  ];
  const at = '2026-11-30T11:00:00.000Z';
  const previewed = (id: string, sourceId: string | null): SourceJob => ({
    id,
    municipalityId: 'uithoorn',
    sourceId,
    kind: sourceId === null ? 'new_source' : 'upload',
    state: 'previewed',
    format: 'csv',
    sizeBytes: 48_123,
    sha256: `${id}`.padEnd(64, 'e'),
    preview: samplePreview(sourceId === null ? { columns: samplePreview().columns.map((column) => ({ ...column, declaredType: null })) } : {}),
    version: null,
    rowCount: null,
    problem: null,
    steps: [
      { state: 'received', at },
      { state: 'previewing', at },
      { state: 'previewed', at },
    ],
    createdBy: 'data@demo.koers.nl',
    createdAt: at,
    updatedAt: at,
  });
  return {
    sources: { uithoorn, hilversum: [misdrijven('hilversum')], diemen: [] },
    jobs: { uithoorn: [previewed('upload-misdrijven', 'misdrijven'), previewed('upload-nieuw', null)] },
  };
}
