import { randomUUID } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import {
  SourceCommandRefused,
  type ComputationRecord,
  type NewSourceInput,
  type SourceCommands,
  type SourceDefinition,
  type SourceFormat,
  type SourceJob,
  type SourceProblem,
  type Viewer,
} from '@koers/domain';
import {
  type AppDatabase,
  createSourceJob,
  failStaleSourceJobs,
  findSourceJob,
  findSourceVersion,
  listComputations,
  listMunicipalities,
  listMunicipalitySourceVersions,
  listSourceJobs,
  recordAudit,
  recordSourceVersion,
  type StoredSourceJob,
  updateSourceJob,
} from '@koers/persistence';
import { parseWorkspace } from '@koers/workspace';
import { canUploadTo, formatOfSource, type MunicipalityWorkspace, readMunicipalityWorkspace } from './municipality-workspace';
import { settleInterruptedRefreshes } from './interrupted-refresh';
import { publicJob } from './source-catalog.reader';
import { newSourceYaml } from './source-yaml';
import { contentMismatch, sniffContent } from './upload-format';
import { type PreviewSettings, previewUpload, problemLine } from './upload-preview';
import { receiveToFile, UploadTooLargeError } from './upload-receiver';
import type { VersionStore } from './version-store';

/** An upload refused before or while it was read: the HTTP status and a Dutch sentence that says how to fix it. */
export class UploadRefused extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 413 | 415 | 422,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRefused';
  }
}

/** What the source jobs need from the server. */
export interface SourceJobsOptions {
  readonly db: AppDatabase;
  readonly store: VersionStore;
  /** Queues a computation of the municipality (the scheduler's `request`). */
  readonly requestComputation: (municipalityId: string) => Promise<void>;
  /** This server instance, as the jobs it runs record it. */
  readonly owner: string;
  readonly preview: PreviewSettings;
  /** How long a computation may take: a job waits this long for its own, and a minute more. */
  readonly computeTimeoutMs: number;
  /** Whether other instances share the database (PostgreSQL): then only long-silent jobs are failed at start. */
  readonly isShared: boolean;
  readonly log: { info(line: string): void; warn(line: string): void; error(line: string, error?: unknown): void };
  /** How often the job looks at the computations while it waits (default 250 ms). */
  readonly pollMs?: number;
}

/** Where an upload goes, checked before a byte of it is read. */
export interface UploadTarget {
  readonly read: MunicipalityWorkspace;
  /** The source it is a new version of; undefined for a new source. */
  readonly source?: SourceDefinition;
}

/**
 * The data team's source jobs: an upload streamed to disk and previewed in
 * the engine's process; a previewed upload put in place as the source's new
 * version (kept as an immutable file first), a new source declared from one,
 * a rollback to a kept version, a deletion. Each change to what serves puts
 * the file in place in the workspace atomically (a rename), asks for a
 * computation and follows it, step by step, in the job record the dashboard
 * polls. When the engine does not load the new version, the previous file is
 * put back and computed again: the previous version and its results keep
 * serving, and the job says why, with file, line and column.
 */
export class SourceJobs implements SourceCommands {
  private readonly running = new Set<Promise<void>>();
  private readonly turns = new Map<string, Promise<unknown>>();
  private isClosed = false;

  constructor(private readonly options: SourceJobsOptions) {}

  /**
   * Fails the jobs a stopped server left at work and removes its waiting
   * uploads (on the embedded database all of them; with PostgreSQL only those
   * silent for longer than a computation may take); previews nobody
   * confirmed within a day expire.
   */
  async start(): Promise<void> {
    const now = Date.now();
    const failed = await failStaleSourceJobs(this.options.db, {
      updatedBefore: new Date(this.options.isShared ? now - this.options.computeTimeoutMs - 300_000 : now + 1),
      previewedBefore: new Date(now - 24 * 3_600_000),
      message: 'de server stopte tijdens deze upload; de vorige versie bleef in gebruik. Probeer het opnieuw.',
      expiredMessage: 'niemand bevestigde dit voorbeeld binnen een dag; het bestand is weggegooid. Upload het opnieuw.',
    });
    for (const job of failed) await this.options.store.removeUpload(job.municipalityId, job.uploadFile);
    await settleInterruptedRefreshes(this.options, failed);
    if (failed.length > 0) this.options.log.warn(`${failed.length} upload(s) van een eerdere start zijn niet afgemaakt en als mislukt vastgelegd.`);
    if (!this.options.isShared) {
      const waiting = new Set<string>();
      for (const municipalityId of await this.municipalitiesWithJobs()) {
        for (const job of await listSourceJobs(this.options.db, municipalityId, { limit: 1_000 })) {
          if (job.state === 'previewed' && job.uploadFile !== null) waiting.add(`${municipalityId}/${job.uploadFile}`);
        }
      }
      await this.options.store.removeUploadsExcept(waiting);
    }
  }

  /** Stops following jobs (the server is stopping) and waits for those at work to record where they are. */
  async close(): Promise<void> {
    this.isClosed = true;
    await Promise.allSettled([...this.running]);
  }

  /**
   * Checks where an upload goes, before its body is read: the municipality's
   * workspace, and for a new version the source, which must read one plain
   * file of the format sent.
   */
  async uploadTarget(municipalityId: string, sourceId: string | null, sent: SourceFormat): Promise<UploadTarget> {
    const read = await readMunicipalityWorkspace(this.options.db, municipalityId);
    if (read === null) throw new UploadRefused(404, `Gemeente "${municipalityId}" heeft geen werkmap in deze installatie.`);
    if (sourceId === null) return { read };
    const source = read.workspace.sources.find((candidate) => candidate.id === sourceId);
    if (source === undefined) {
      throw new UploadRefused(404, `Bron "${sourceId}" bestaat niet in gemeente "${municipalityId}". Een nieuwe bron maakt u in het dashboard (Bronnen, Nieuwe bron).`);
    }
    if (!canUploadTo(source)) {
      throw new UploadRefused(409, `Bron "${sourceId}" leest ${source.path}: meerdere of gecomprimeerde bestanden kunnen niet via een upload worden vervangen. Vervang ze in de werkmap.`);
    }
    const format = formatOfSource(source);
    if (format !== sent) {
      throw new UploadRefused(415, `Bron "${sourceId}" leest ${format ?? 'een onbekend formaat'} (${source.path}); dit bestand is verstuurd als ${sent}. Stuur een ${format ?? ''}-bestand, of maak een nieuwe bron.`);
    }
    return { read, source };
  }

  /**
   * Streams an upload to disk (never whole in memory; 413 past the limit),
   * checks that its bytes are what it was sent as, and previews it in the
   * engine's process. Returns the job: `previewed`, or `failed` with the
   * preview's problem (the file does not load; it is thrown away).
   */
  async receive(municipalityId: string, target: UploadTarget, body: Readable, sent: SourceFormat, limitBytes: number, by: Viewer): Promise<StoredSourceJob> {
    const { store, db } = this.options;
    const upload = await store.newUploadPath(municipalityId);
    let received;
    try {
      received = await receiveToFile(body, upload.path, limitBytes);
    } catch (error) {
      if (error instanceof UploadTooLargeError) {
        throw new UploadRefused(413, `Het bestand is groter dan ${formatSize(limitBytes)}, de grens voor een upload (KOERS_UPLOAD_LIMIT): filter of splits de gegevens, of laat de beheerder de grens verhogen.`);
      }
      throw error;
    }
    const mismatch = contentMismatch(sent, sniffContent(received.head));
    if (mismatch !== undefined) {
      await rm(upload.path, { force: true });
      throw new UploadRefused(400, mismatch);
    }
    const uploadFile = await store.nameUpload(municipalityId, upload.relative, sent);
    const sourceId = target.source?.id ?? null;
    const job = await createSourceJob(db, {
      municipalityId,
      sourceId,
      kind: sourceId === null ? 'new_source' : 'upload',
      createdBy: by.email,
      owner: this.options.owner,
      format: sent,
      sizeBytes: received.sizeBytes,
      sha256: received.sha256,
      uploadFile,
    });
    try {
      await updateSourceJob(db, job.id, { state: 'previewing' });
      const serving = target.source === undefined ? undefined : await this.keepServingFile(municipalityId, target.read, target.source);
      const preview = await previewUpload(this.options.preview, {
        root: store.folderOf(municipalityId),
        upload: uploadFile,
        format: sent,
        source: target.source ?? { id: 'nieuw', title: 'Nieuwe bron' },
        shownAs: target.source?.path ?? `upload.${sent}`,
        ...(serving && { serving: serving.kept, servingFormat: serving.format }),
        readers: target.read.workspace.indicators.filter((indicator) => indicator.source === sourceId || indicator.per?.source === sourceId),
      });
      if (preview.problem !== null) {
        await store.removeUpload(municipalityId, uploadFile);
        return (await updateSourceJob(db, job.id, { state: 'failed', preview, problem: preview.problem, uploadFile: null })) ?? job;
      }
      return (await updateSourceJob(db, job.id, { state: 'previewed', preview })) ?? job;
    } catch (error) {
      await store.removeUpload(municipalityId, uploadFile);
      await this.failJob(job.id, target.source?.path ?? 'upload', error);
      throw error;
    }
  }

  async publishUpload(municipalityId: string, jobId: string, by: Viewer): Promise<SourceJob> {
    const job = await this.previewedJob(municipalityId, jobId, 'upload');
    const read = await this.requireWorkspace(municipalityId);
    const source = read.workspace.sources.find((candidate) => candidate.id === job.sourceId);
    if (source === undefined || !canUploadTo(source)) throw new SourceCommandRefused('conflict', `bron "${job.sourceId}" bestaat niet meer, of leest geen enkel bestand meer`);
    const loading = await this.moveTo(job.id, 'loading');
    this.inBackground(municipalityId, job.id, source.path, async () => {
      const kept = await this.options.store.keepUpload(municipalityId, source.id, job.uploadFile ?? '', job.sha256 ?? '', job.format ?? 'csv');
      const version = await recordSourceVersion(this.options.db, {
        municipalityId,
        sourceId: source.id,
        sha256: job.sha256 ?? '',
        rowCount: job.preview?.rowCount ?? null,
        sizeBytes: job.sizeBytes ?? 0,
        format: job.format ?? 'csv',
        keptFile: kept,
        uploadedBy: by.email,
        jobId: job.id,
      });
      await updateSourceJob(this.options.db, job.id, { uploadFile: null, version: version.version });
      await this.audit(by, municipalityId, source.id, 'publish', { version: version.version, sha256: version.sha256, rowCount: version.rowCount });
      await this.placeAndCompute(municipalityId, job.id, read.root, source, kept, version.sha256);
    });
    return publicJob(loading);
  }

  async createSource(municipalityId: string, input: NewSourceInput, by: Viewer): Promise<SourceJob> {
    const job = await this.previewedJob(municipalityId, input.jobId, 'new_source');
    const read = await this.requireWorkspace(municipalityId);
    const format = job.format ?? 'csv';
    const path = `data/${input.sourceId}.${format}`;
    if (read.workspace.sources.some((source) => source.id === input.sourceId) || (await exists(join(read.root, 'sources', `${input.sourceId}.yaml`)))) {
      throw new SourceCommandRefused('conflict', `er is al een bron "${input.sourceId}": kies een ander id`, 'sourceId');
    }
    if (await exists(join(read.root, path))) throw new SourceCommandRefused('conflict', `${path} bestaat al in de werkmap: kies een ander id`, 'sourceId');
    const known = new Set((job.preview?.columns ?? []).map((column) => column.name));
    const unknown = Object.keys(input.columns).filter((name) => !known.has(name));
    if (unknown.length > 0) throw new SourceCommandRefused('invalid', `${unknown.map((name) => `"${name}"`).join(', ')} ${unknown.length === 1 ? 'is geen kolom' : 'zijn geen kolommen'} van het bestand (het heeft ${[...known].join(', ')})`, 'columns');
    const yaml = newSourceYaml({ ...input, path, format });
    const checked = parseWorkspace(read.root, [{ path: `sources/${input.sourceId}.yaml`, text: yaml }]).problems;
    if (checked.length > 0) throw new SourceCommandRefused('invalid', checked.map((problem) => `${problem.field ?? problem.file}: ${problem.message}`).join('; '));
    // Checked as the load will read it: with the declared types, every value.
    const declared = await previewUpload(this.options.preview, {
      root: this.options.store.folderOf(municipalityId),
      upload: job.uploadFile ?? '',
      format,
      source: { id: input.sourceId, title: input.title, columns: input.columns, file: `sources/${input.sourceId}.yaml` },
      shownAs: path,
    });
    if (declared.problem !== null) throw new SourceCommandRefused('invalid', `met deze kolomtypen laadt het bestand niet: ${problemLine(declared.problem)}`, 'columns');
    await updateSourceJob(this.options.db, job.id, { sourceId: input.sourceId, preview: declared });
    const loading = await this.moveTo(job.id, 'loading');
    this.inBackground(municipalityId, job.id, path, async () => {
      const kept = await this.options.store.keepUpload(municipalityId, input.sourceId, job.uploadFile ?? '', job.sha256 ?? '', format);
      const version = await recordSourceVersion(this.options.db, {
        municipalityId,
        sourceId: input.sourceId,
        sha256: job.sha256 ?? '',
        rowCount: declared.rowCount,
        sizeBytes: job.sizeBytes ?? 0,
        format,
        keptFile: kept,
        uploadedBy: by.email,
        jobId: job.id,
      });
      await updateSourceJob(this.options.db, job.id, { uploadFile: null, version: version.version });
      // The data file first, then the definition: a stop in between leaves a file no source reads, never a source without its file.
      await this.options.store.placeInWorkspace(municipalityId, kept, join(read.root, path));
      await this.options.store.writeWorkspaceText(join(read.root, 'sources', `${input.sourceId}.yaml`), yaml);
      await this.audit(by, municipalityId, input.sourceId, 'create', { path, columns: input.columns, version: version.version, sha256: version.sha256 });
      await this.computeAndFollow(municipalityId, job.id, { sourceId: input.sourceId, path }, version.sha256, new Date(), null);
    });
    return publicJob(loading);
  }

  async rollback(municipalityId: string, sourceId: string, version: number, by: Viewer): Promise<SourceJob> {
    const read = await this.requireWorkspace(municipalityId);
    const source = read.workspace.sources.find((candidate) => candidate.id === sourceId);
    if (source === undefined) throw new SourceCommandRefused('not_found', `bron "${sourceId}" bestaat niet in deze gemeente`, 'sourceId');
    const kept = await findSourceVersion(this.options.db, municipalityId, sourceId, version);
    if (kept === undefined) throw new SourceCommandRefused('not_found', `bron "${sourceId}" heeft geen versie ${version}`, 'version');
    if (!canUploadTo(source) || formatOfSource(source) !== kept.format) {
      throw new SourceCommandRefused('conflict', `versie ${version} is ${kept.format}, maar bron "${sourceId}" leest nu ${source.path}: die versie past niet meer`);
    }
    const job = await createSourceJob(this.options.db, {
      municipalityId,
      sourceId,
      kind: 'rollback',
      createdBy: by.email,
      owner: this.options.owner,
      format: kept.format,
      sizeBytes: kept.sizeBytes,
      sha256: kept.sha256,
      version,
    });
    const loading = await this.moveTo(job.id, 'loading');
    this.inBackground(municipalityId, job.id, source.path, async () => {
      await this.audit(by, municipalityId, sourceId, 'rollback', { version, sha256: kept.sha256 });
      await this.placeAndCompute(municipalityId, job.id, read.root, source, kept.keptFile, kept.sha256);
    });
    return publicJob(loading);
  }

  async deleteSource(municipalityId: string, sourceId: string, by: Viewer): Promise<void> {
    const read = await this.requireWorkspace(municipalityId);
    const source = read.workspace.sources.find((candidate) => candidate.id === sourceId);
    if (source === undefined) throw new SourceCommandRefused('not_found', `bron "${sourceId}" bestaat niet in deze gemeente`, 'sourceId');
    const readers = read.workspace.indicators.filter((indicator) => indicator.source === sourceId || indicator.per?.source === sourceId);
    if (readers.length > 0) {
      throw new SourceCommandRefused('conflict', `bron "${sourceId}" wordt gebruikt door ${readers.map((indicator) => `indicator "${indicator.id}"`).join(', ')}: pas die eerst aan`);
    }
    await this.inTurn(municipalityId, async () => {
      // Its file is kept first: nothing stored is lost, and a new source could bring it back.
      if (canUploadTo(source)) await this.keepServingFile(municipalityId, read, source);
      await rm(join(read.root, source.file ?? `sources/${sourceId}.yaml`), { force: true });
      const isShared = read.workspace.sources.some((other) => other.id !== sourceId && other.path === source.path);
      if (canUploadTo(source) && !isShared) await rm(join(read.root, source.path), { force: true });
      await this.audit(by, municipalityId, sourceId, 'delete', { path: source.path, title: source.title });
      await this.options.requestComputation(municipalityId);
    });
  }

  async discardUpload(municipalityId: string, jobId: string, by: Viewer): Promise<void> {
    const job = await findSourceJob(this.options.db, municipalityId, jobId);
    if (job?.state !== 'previewed') throw new SourceCommandRefused('not_found', 'deze upload wacht niet (meer) op bevestiging');
    await this.options.store.removeUpload(municipalityId, job.uploadFile);
    await updateSourceJob(this.options.db, jobId, { state: 'failed', uploadFile: null, problem: { file: 'upload', message: `weggegooid door ${by.email}` } });
  }

  /** Waits until the job is done or failed (a script's upload answers then). */
  async whenFinished(municipalityId: string, jobId: string): Promise<StoredSourceJob> {
    for (;;) {
      const job = await findSourceJob(this.options.db, municipalityId, jobId);
      if (job === undefined) throw new Error(`job ${jobId} is gone`);
      if (job.state === 'done' || job.state === 'failed' || this.isClosed) return job;
      await sleep(this.options.pollMs ?? 250);
    }
  }

  /**
   * Keeps the file the workspace has now as a version, unless it is kept
   * already (the file as it was before Koers first changed it, so a rollback
   * can reach it); returns its kept name, or undefined when it is missing.
   */
  private async keepServingFile(municipalityId: string, read: MunicipalityWorkspace, source: SourceDefinition): Promise<{ kept: string; format: SourceFormat } | undefined> {
    const file = join(read.root, source.path);
    if (!(await exists(file))) return undefined;
    const format = formatOfSource(source) ?? 'csv';
    const kept = await this.options.store.keepWorkspaceFile(municipalityId, source.id, file);
    const versions = await listMunicipalitySourceVersions(this.options.db, municipalityId);
    if (!versions.some((version) => version.sourceId === source.id && version.sha256 === kept.sha256)) {
      await recordSourceVersion(this.options.db, { municipalityId, sourceId: source.id, sha256: kept.sha256, rowCount: null, sizeBytes: kept.sizeBytes, format, keptFile: kept.kept, uploadedBy: 'werkmap' });
    }
    return { kept: kept.kept, format };
  }

  /**
   * Puts a kept file in place as the source's file, asks for a computation
   * and follows it. When the engine did not load it, the file that served
   * before is put back and computed again, so workspace, engine and results
   * agree on the previous version.
   */
  private async placeAndCompute(municipalityId: string, jobId: string, root: string, source: SourceDefinition, kept: string, sha256: string): Promise<void> {
    const target = join(root, source.path);
    // The file that serves now, kept, to put back should the engine refuse the new one.
    const previous = (await exists(target)) ? await this.options.store.keepWorkspaceFile(municipalityId, source.id, target) : undefined;
    // A computation reading the source while its file changes could hash one file and read the other: wait for it.
    await this.whileComputing(municipalityId);
    const placedAt = new Date();
    await this.options.store.placeInWorkspace(municipalityId, kept, target);
    await this.computeAndFollow(municipalityId, jobId, { sourceId: source.id, path: source.path }, sha256, placedAt, previous === undefined || previous.sha256 === sha256 ? null : async () => {
      await this.options.store.placeInWorkspace(municipalityId, previous.kept, target);
      await this.options.requestComputation(municipalityId);
    });
  }

  /** Asks for a computation after `placedAt`, follows it (`computing`), and records how it went for this source. */
  private async computeAndFollow(
    municipalityId: string,
    jobId: string,
    { sourceId, path }: { readonly sourceId: string; readonly path: string },
    sha256: string,
    placedAt: Date,
    restore: (() => Promise<void>) | null,
  ): Promise<void> {
    await this.options.requestComputation(municipalityId);
    const computation = await this.followComputation(municipalityId, jobId, placedAt);
    const loaded = computation?.inputs?.sources.find((source) => source.sourceId === sourceId);
    if (computation?.status === 'succeeded' && loaded?.fileHash === sha256) {
      await updateSourceJob(this.options.db, jobId, { state: 'done', rowCount: loaded.rowCount, problem: null });
      return;
    }
    const problem: SourceProblem =
      computation === undefined
        ? { file: `sources/${sourceId}.yaml`, message: 'de berekening kwam niet op tijd; de vorige versie bleef in gebruik' }
        : computation.status === 'failed'
          ? { file: `sources/${sourceId}.yaml`, message: `de berekening is mislukt: ${computation.error ?? 'onbekende fout'}; de vorige versie bleef in gebruik` }
          : sourceProblemOf(computation, sourceId, path);
    await restore?.();
    await updateSourceJob(this.options.db, jobId, { state: 'failed', problem });
  }

  /** Waits for the first computation of the municipality that started after `placedAt` to finish; `computing` while it runs. */
  private async followComputation(municipalityId: string, jobId: string, placedAt: Date): Promise<ComputationRecord | undefined> {
    const since = placedAt.toISOString();
    const deadline = Date.now() + this.options.computeTimeoutMs + 60_000;
    let isComputing = false;
    while (Date.now() < deadline && !this.isClosed) {
      const computations = await listComputations(this.options.db, municipalityId, 10);
      const ours = computations.filter((computation) => computation.status !== 'queued' && computation.startedAt >= since).at(-1);
      if (ours !== undefined && ours.finishedAt !== null) return ours;
      if (ours !== undefined && !isComputing) {
        isComputing = true;
        await this.moveTo(jobId, 'computing');
      }
      await sleep(this.options.pollMs ?? 250);
    }
    return undefined;
  }

  /** Waits while a computation of the municipality runs (at most as long as one may take). */
  private async whileComputing(municipalityId: string): Promise<void> {
    const deadline = Date.now() + this.options.computeTimeoutMs;
    while (Date.now() < deadline && !this.isClosed) {
      const computations = await listComputations(this.options.db, municipalityId, 5);
      if (!computations.some((computation) => computation.status === 'running')) return;
      await sleep(this.options.pollMs ?? 250);
    }
  }

  /** Runs `work` after the municipality's earlier source work, in the background, failing the job on an unexpected error. */
  private inBackground(municipalityId: string, jobId: string, file: string, work: () => Promise<void>): void {
    const task = this.inTurn(municipalityId, work)
      .catch((error: unknown) => this.failJob(jobId, file, error))
      .finally(() => this.running.delete(task));
    this.running.add(task);
  }

  /** One change to a municipality's sources at a time (on this instance), in the order asked. */
  private inTurn<T>(municipalityId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.turns.get(municipalityId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.turns.set(municipalityId, next);
    return next;
  }

  private async failJob(jobId: string, file: string, error: unknown): Promise<void> {
    const errorId = randomUUID().slice(0, 8);
    this.options.log.error(`[fout ${errorId}] bronupload ${jobId}:`, error);
    await updateSourceJob(this.options.db, jobId, { state: 'failed', problem: { file, message: `interne fout (foutcode ${errorId}); de vorige versie bleef in gebruik` } }).catch(() => undefined);
  }

  private async moveTo(jobId: string, state: 'loading' | 'computing'): Promise<StoredSourceJob> {
    const job = await updateSourceJob(this.options.db, jobId, { state });
    if (job === undefined) throw new SourceCommandRefused('not_found', 'deze upload bestaat niet (meer)');
    return job;
  }

  private async previewedJob(municipalityId: string, jobId: string, kind: 'upload' | 'new_source'): Promise<StoredSourceJob> {
    const job = await findSourceJob(this.options.db, municipalityId, jobId);
    if (job === undefined || job.kind !== kind) throw new SourceCommandRefused('not_found', 'deze upload bestaat niet in deze gemeente');
    if (job.state !== 'previewed' || job.uploadFile === null) {
      throw new SourceCommandRefused('conflict', `deze upload is al ${job.state === 'failed' ? 'mislukt of weggegooid' : 'verwerkt'}: upload het bestand opnieuw`);
    }
    return job;
  }

  private async requireWorkspace(municipalityId: string): Promise<MunicipalityWorkspace> {
    const read = await readMunicipalityWorkspace(this.options.db, municipalityId);
    if (read === null) throw new SourceCommandRefused('not_found', `gemeente "${municipalityId}" heeft geen werkmap in deze installatie`);
    return read;
  }

  private async audit(by: Viewer, municipalityId: string, sourceId: string, action: string, after: unknown): Promise<void> {
    await recordAudit(this.options.db, { actor: by.email, municipalityId, entity: 'source', entityId: sourceId, action, before: null, after });
  }

  private async municipalitiesWithJobs(): Promise<string[]> {
    return (await listMunicipalities(this.options.db)).map((municipality) => municipality.id);
  }
}

/** The computation's problem with the source's load (named by its file or definition), or a sentence saying it was not loaded. */
function sourceProblemOf(computation: ComputationRecord, sourceId: string, path: string): SourceProblem {
  const problem = computation.problems.find((candidate) => candidate.file === path || candidate.file === `sources/${sourceId}.yaml`);
  if (problem === undefined) return { file: `sources/${sourceId}.yaml`, message: 'de KPI-engine laadde de nieuwe versie niet; de vorige versie bleef in gebruik' };
  return { file: problem.file, ...(problem.line === undefined ? {} : { line: problem.line }), message: `${problem.message}; de vorige versie bleef in gebruik` };
}

function formatSize(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number(value.toFixed(1)).toLocaleString('nl-NL')} ${units[unit]}`;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((wake) => setTimeout(wake, milliseconds));
}

