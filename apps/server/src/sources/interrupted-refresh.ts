import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { listComputations, listSourceVersions, type StoredSourceJob, updateSourceJob } from '@koers/persistence';
import { canUploadTo, readMunicipalityWorkspace } from './municipality-workspace';
import type { SourceJobsOptions } from './source-jobs';
import { hashOf } from './version-store';

/**
 * After a server stopped in the middle of a refresh (a crash, `kill -9`): the
 * jobs it left at `loading` or `computing` may have put their file in the
 * workspace while the stored results still come from the previous one. For
 * each such source, the version that serves is what the latest computation
 * that succeeded read (its lineage). When that is the job's own file, the job
 * did finish and is recorded done; otherwise the workspace file is put back to
 * the serving version (atomically, from the kept versions), so the file and
 * the results belong to one version. A computation is then asked for, so
 * that whatever ran on the placed file before the put-back is replaced.
 */
export async function settleInterruptedRefreshes(options: Pick<SourceJobsOptions, 'db' | 'store' | 'requestComputation' | 'log'>, failed: readonly StoredSourceJob[]): Promise<void> {
  const { db, store, log } = options;
  const changed = new Set<string>();
  for (const job of failed) {
    if (job.sourceId === null || !job.steps.some((step) => step.state === 'loading')) continue;
    const read = await readMunicipalityWorkspace(db, job.municipalityId);
    const source = read?.workspace.sources.find((candidate) => candidate.id === job.sourceId);
    if (read === null || read === undefined || source === undefined || !canUploadTo(source)) continue;
    const computations = await listComputations(db, job.municipalityId, 50);
    const serving = computations.find((computation) => computation.status === 'succeeded' && computation.inputs !== null)?.inputs?.sources.find((input) => input.sourceId === source.id);
    if (serving === undefined) continue;
    if (job.sha256 === serving.fileHash) {
      await updateSourceJob(db, job.id, { state: 'done', rowCount: serving.rowCount, problem: null });
      continue;
    }
    const target = join(read.root, source.path);
    const current = await stat(target).then(
      () => hashOf(target),
      () => null,
    );
    if (current === serving.fileHash) continue;
    const kept = (await listSourceVersions(db, job.municipalityId, source.id)).find((version) => version.sha256 === serving.fileHash)?.keptFile ?? store.keptNameOf(source.id, serving.fileHash, target);
    if (!(await store.isKept(job.municipalityId, kept))) {
      log.warn(`bron ${source.id} van ${job.municipalityId}: de versie die in gebruik was (${serving.fileHash.slice(0, 12)}) is niet bewaard; het bestand in de werkmap blijft en wordt opnieuw berekend.`);
      changed.add(job.municipalityId);
      continue;
    }
    await store.placeInWorkspace(job.municipalityId, kept, target);
    changed.add(job.municipalityId);
    log.warn(`bron ${source.id} van ${job.municipalityId}: na een onderbroken upload teruggezet op de versie die in gebruik was (${serving.fileHash.slice(0, 12)}).`);
  }
  for (const municipalityId of changed) await options.requestComputation(municipalityId);
}
