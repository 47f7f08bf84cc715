import { join } from 'node:path';
import { ComputationFailedError, checkInWorker, dryRunInWorker, type TrialBounds, type WorkerOptions } from '@koers/computation';
import { type ExpressionField, guardExpression } from '@koers/kpi';
import {
  identifierPattern,
  type DefinitionsImportCheck,
  type DefinitionsImportOutcome,
  type DraftProblem,
  type EditorChoices,
  type EffectLink,
  type IndicatorDefinitionFile,
  type IndicatorDraft,
  type IndicatorDryRun,
  type IndicatorEditor,
  type SaveIndicatorOptions,
  type SaveIndicatorOutcome,
  type SourceColumn,
  type Viewer,
  type WorkspaceProblem,
} from '@koers/domain';
import {
  type AppDatabase,
  ComputationSlotBusyError,
  holdComputationSlot,
  listComputations,
  listMunicipalityWorkspaces,
  recordAudit,
} from '@koers/persistence';
import {
  linkIndicatorToEffect,
  loadWorkspace,
  loadWorkspaceWithChanges,
  readIndicatorDraft,
  readWorkspaceFolder,
  readWorkspaceZip,
  revisionOf,
  writeFileAtomically,
  writeIndicatorYaml,
  writeWorkspaceZip,
  type WorkspaceChange,
  type WorkspaceFile,
} from '@koers/workspace';
import { finishInterruptedImport, replaceDefinitions } from './definitions-swap';

/** What the editor needs of the server: the database, the computing, and the bounds of its workers. */
export interface WorkspaceIndicatorEditorOptions {
  readonly db: AppDatabase;
  /** Queues a computation; with ids, of those indicators only. */
  readonly requestComputation: (municipalityId: string, indicatorIds?: readonly string[]) => Promise<void>;
  /** How to start the worker of a dry run or a check (the compute worker's entry), and when to kill it. */
  readonly worker: Omit<WorkerOptions, 'signal'>;
  /** The bounds of a dry run's or a check's engine. */
  readonly trial: TrialBounds;
  /** This server instance, as a held computing slot names it. */
  readonly owner: string;
  /** How long an import waits for a running computation of the municipality to finish. */
  readonly slotWaitMs?: number;
}

/** A definition file as it is on disk now. */
interface CurrentFile {
  readonly file: string;
  readonly text: string;
}

/**
 * The `IndicatorEditor` port on the municipalities' workspace folders. Every
 * change is validated as the loader and `koers check` would (a dry run in a
 * worker: the loader, the guard, binding and computing against the data),
 * written atomically (temp file and rename; an import swaps folders under a
 * journal while holding the computing slot), recorded in the audit trail with
 * before and after, and then computed: just the saved indicator, or the whole
 * municipality after an import. Changes of one municipality take turns.
 */
export class WorkspaceIndicatorEditor implements IndicatorEditor {
  private readonly turns = new Map<string, Promise<unknown>>();

  constructor(private readonly options: WorkspaceIndicatorEditorOptions) {}

  async choices(municipalityId: string): Promise<EditorChoices> {
    const root = await this.rootOf(municipalityId);
    const [{ workspace }, indicators, loadedColumns] = await Promise.all([loadWorkspace(root), this.indicatorFiles(root), this.loadedColumns(municipalityId)]);
    return {
      sources: workspace.sources.map((source) => ({
        id: source.id,
        title: source.title,
        // As loaded where a computation has loaded it; as declared before that.
        columns: loadedColumns.get(source.id) ?? Object.entries(source.columns ?? {}).map(([name, type]) => ({ name, type: type.toUpperCase() })),
      })),
      indicators: indicators.map(({ id, file, text }) => ({ id, file, title: readIndicatorDraft(id, text).title || id })),
      effects: workspace.programs.flatMap((program) =>
        program.effects.map((effect) => ({
          programId: program.id,
          programTitle: program.title,
          effectId: effect.id,
          effectTitle: effect.title,
          indicatorIds: effect.indicators,
        })),
      ),
    };
  }

  async read(municipalityId: string, indicatorId: string): Promise<IndicatorDefinitionFile | null> {
    const current = await this.currentFile(await this.rootOf(municipalityId), indicatorId);
    if (current === null) return null;
    return { draft: readIndicatorDraft(indicatorId, current.text), file: current.file, text: current.text, version: revisionOf(current.text) };
  }

  async dryRun(municipalityId: string, draft: IndicatorDraft, isNew: boolean): Promise<IndicatorDryRun> {
    const started = performance.now();
    const root = await this.rootOf(municipalityId);
    const prepared = await this.prepare(root, draft, isNew);
    const outcome = prepared.problems.length > 0 ? { problems: prepared.problems, report: null, statuses: [] } : await this.tryInWorker(root, prepared);
    return { ...outcome, durationMs: Math.round(performance.now() - started) };
  }

  save(municipalityId: string, draft: IndicatorDraft, options: SaveIndicatorOptions, by: Viewer): Promise<SaveIndicatorOutcome> {
    return this.inTurn(municipalityId, async () => {
      const root = await this.rootOf(municipalityId);
      const prepared = await this.prepare(root, draft, options.isNew);
      if (prepared.problems.length > 0) return { kind: 'refused', problems: prepared.problems };
      if (!options.isNew && options.baseVersion !== null && prepared.current !== null && revisionOf(prepared.current.text) !== options.baseVersion) {
        return { kind: 'conflict', message: `Iemand anders heeft ${prepared.file} gewijzigd sinds u het opende. Open de indicator opnieuw en breng uw wijziging opnieuw aan.` };
      }
      const tried = await this.tryInWorker(root, prepared);
      if (tried.problems.length > 0) return { kind: 'refused', problems: tried.problems };
      const link = options.link === undefined ? null : await this.prepareLink(root, prepared.id, options.link, [{ path: prepared.file, text: prepared.text }]);
      if (link !== null && 'problems' in link) return { kind: 'refused', problems: link.problems };

      await this.options.db.transaction().execute(async (trx) => {
        await recordAudit(trx, {
          actor: by.email,
          municipalityId,
          entity: 'indicator_definition',
          entityId: prepared.id,
          action: prepared.current === null ? 'create' : 'update',
          before: prepared.current,
          after: { file: prepared.file, text: prepared.text },
        });
        // Written inside the transaction: when the write fails, no audit record says it happened.
        await writeFileAtomically(join(root, prepared.file), prepared.text);
      });
      if (link !== null) await this.writeLink(root, municipalityId, link, by);
      const savedAt = new Date().toISOString();
      await this.options.requestComputation(municipalityId, [prepared.id]);
      return { kind: 'saved', file: prepared.file, version: revisionOf(prepared.text), isLinked: link !== null, savedAt };
    });
  }

  link(municipalityId: string, indicatorId: string, link: EffectLink, by: Viewer): Promise<{ readonly problems: readonly DraftProblem[] }> {
    return this.inTurn(municipalityId, async () => {
      const root = await this.rootOf(municipalityId);
      const prepared = await this.prepareLink(root, indicatorId, link, []);
      if ('problems' in prepared) return { problems: prepared.problems };
      await this.writeLink(root, municipalityId, prepared, by);
      // The programs are imported after any computation; just this indicator is computed again.
      await this.options.requestComputation(municipalityId, [indicatorId]);
      return { problems: [] };
    });
  }

  async exportZip(municipalityId: string, options: { readonly includeData: boolean }, by: Viewer): Promise<AsyncIterable<Uint8Array>> {
    const root = await this.rootOf(municipalityId);
    const zip = await writeWorkspaceZip(root, { folderName: municipalityId, includeData: options.includeData });
    await recordAudit(this.options.db, {
      actor: by.email,
      municipalityId,
      entity: 'workspace',
      entityId: municipalityId,
      action: 'export',
      before: null,
      after: { includeData: options.includeData, files: zip.files.map((file) => file.path), dataFiles: zip.dataFiles },
    });
    return zip.stream;
  }

  importZip(municipalityId: string, zip: Uint8Array, options: { readonly apply: boolean }, by: Viewer): Promise<DefinitionsImportOutcome> {
    return this.inTurn(municipalityId, async () => {
      const root = await this.rootOf(municipalityId);
      const read = await readWorkspaceZip(zip);
      const current = await this.definitionFiles(root);
      const changes = differenceOf(current, read.files);
      const answer = (problems: readonly WorkspaceProblem[]): DefinitionsImportOutcome => {
        const check: DefinitionsImportCheck = { problems, skipped: read.skipped, changes };
        return { kind: !options.apply ? 'checked' : problems.length > 0 ? 'refused' : 'applied', check };
      };
      if (read.problems.length > 0) return answer(read.problems);
      const problems = await checkInWorker({ workspaceRoot: root, files: read.files, ...this.options.trial }, this.options.worker).catch((error: unknown) => [
        { file: '.', message: `de controle kon niet worden afgemaakt: ${failureText(error)}` },
      ]);
      if (!options.apply || problems.length > 0) return answer(problems);

      const before = new Map(current.map((file) => [file.path, file.text]));
      const after = new Map(read.files.map((file) => [file.path, file.text]));
      try {
        await holdComputationSlot(this.options.db, { municipalityId, owner: this.options.owner, waitMs: this.options.slotWaitMs ?? 60_000 }, () =>
          this.options.db.transaction().execute(async (trx) => {
            await recordAudit(trx, {
              actor: by.email,
              municipalityId,
              entity: 'workspace',
              entityId: municipalityId,
              action: 'import',
              before: Object.fromEntries([...changes.changed, ...changes.removed].map((path) => [path, before.get(path) ?? null])),
              after: Object.fromEntries([...changes.added, ...changes.changed].map((path) => [path, after.get(path) ?? null])),
            });
            await replaceDefinitions(root, read.files);
          }),
        );
      } catch (error) {
        if (!(error instanceof ComputationSlotBusyError)) throw error;
        return { kind: 'refused', check: { ...answer([]).check, problems: [{ file: '.', message: 'er loopt nog een berekening van deze gemeente: probeer het over een minuut opnieuw' }] } };
      }
      await this.options.requestComputation(municipalityId);
      return answer([]);
    });
  }

  /** The draft as the file it would be, and what is wrong before anything needs to run. */
  private async prepare(root: string, draft: IndicatorDraft, isNew: boolean) {
    const id = draft.id.trim();
    const file = `indicators/${id}.yaml`;
    const problems: DraftProblem[] = [];
    if (!identifierPattern.test(id)) {
      problems.push({ file, field: 'id', message: `"${id}" is geen geldige naam voor een indicator` });
      return { id, file, text: '', current: null, problems };
    }
    const current = await this.currentFile(root, id);
    if (isNew && current !== null) problems.push({ file, field: 'id', message: `er is al een indicator "${id}": kies een andere naam, of bewerk die indicator` });
    if (!isNew && current === null) problems.push({ file, field: 'id', message: `indicator "${id}" bestaat niet (meer) in de werkruimte` });
    const years = (draft.targets ?? []).map((target) => target.year.trim());
    for (const year of years.filter((candidate, index) => years.indexOf(candidate) !== index)) {
      problems.push({ file, field: `targets.${year}`, message: `het jaar ${year} staat twee keer bij de streefwaarden` });
    }
    const path = current?.file ?? file;
    const text = writeIndicatorYaml(draft, current?.text ?? null);
    if (problems.length === 0) problems.push(...(await quickProblems(root, path, text, draft)));
    return { id, file: path, text, current, problems };
  }

  /** The dry run of a prepared draft in a worker; a worker that fails is a problem of the draft, not an error of the server. */
  private async tryInWorker(root: string, prepared: { readonly file: string; readonly text: string }) {
    try {
      return await dryRunInWorker(
        { workspaceRoot: root, changes: [{ path: prepared.file, text: prepared.text }], file: prepared.file, ...this.options.trial },
        this.options.worker,
      );
    } catch (error) {
      if (!(error instanceof ComputationFailedError)) throw error;
      return { problems: [{ file: prepared.file, message: `de proefberekening is gestopt: ${error.message}` }], report: null, statuses: [] };
    }
  }

  /** The program file with the indicator linked to the effect, checked by the loader with the other changes in place. */
  private async prepareLink(root: string, indicatorId: string, link: EffectLink, alongside: readonly WorkspaceChange[]) {
    const refuse = (message: string, file = `programs/${link.programId}.yaml`) => ({ problems: [{ file, field: 'link', message }] });
    const { workspace } = await loadWorkspace(root);
    const program = workspace.programs.find((candidate) => candidate.id === link.programId);
    if (program?.file === undefined) return refuse(`programma "${link.programId}" bestaat niet in de werkruimte: kies een programma uit de lijst`);
    const current = (await this.definitionFiles(root)).find((file) => file.path === program.file);
    if (current === undefined) return refuse(`${program.file} kon niet worden gelezen`);
    const written = linkIndicatorToEffect(current.text, link.effectId, indicatorId);
    if (written.kind === 'refused') return refuse(written.message, program.file);
    const change = { path: program.file, text: written.text };
    const { problems } = await loadWorkspaceWithChanges(root, [...alongside, change]);
    const own = problems.filter((problem) => problem.file === program.file);
    if (own.length > 0) return { problems: own.map((problem) => ({ ...problem, field: 'link' })) };
    const effect = program.effects.find((candidate) => candidate.id === link.effectId);
    return { ...link, file: program.file, before: current.text, text: written.text, isChanged: written.isChanged, indicatorsBefore: effect?.indicators ?? [], indicatorId };
  }

  private async writeLink(
    root: string,
    municipalityId: string,
    link: EffectLink & { file: string; text: string; isChanged: boolean; indicatorsBefore: readonly string[]; indicatorId: string },
    by: Viewer,
  ): Promise<void> {
    if (!link.isChanged) return;
    await this.options.db.transaction().execute(async (trx) => {
      await recordAudit(trx, {
        actor: by.email,
        municipalityId,
        entity: 'program',
        entityId: link.programId,
        action: 'link_indicator',
        before: { file: link.file, effectId: link.effectId, indicators: link.indicatorsBefore },
        after: { file: link.file, effectId: link.effectId, indicators: [...link.indicatorsBefore, link.indicatorId] },
      });
      await writeFileAtomically(join(root, link.file), link.text);
    });
  }

  /** The municipality's workspace folder, with an import that stopped half-way finished first. */
  private async rootOf(municipalityId: string): Promise<string> {
    const workspace = (await listMunicipalityWorkspaces(this.options.db)).find((candidate) => candidate.id === municipalityId);
    if (workspace === undefined) throw new Error(`no workspace folder is known for ${municipalityId}`);
    await finishInterruptedImport(workspace.workspaceRoot);
    return workspace.workspaceRoot;
  }

  /** The definition files as the loader reads them. */
  private async definitionFiles(root: string): Promise<readonly WorkspaceFile[]> {
    const read = await readWorkspaceFolder(root, {});
    return 'failed' in read ? [] : read.files;
  }

  /** Every file in `indicators/`, readable or not, with the id it stands for. */
  private async indicatorFiles(root: string): Promise<{ id: string; file: string; text: string }[]> {
    return (await this.definitionFiles(root)).flatMap((file) => {
      const match = /^indicators\/([a-z][a-z0-9_-]*)\.yaml$/.exec(file.path);
      return match?.[1] === undefined ? [] : [{ id: match[1], file: file.path, text: file.text }];
    });
  }

  private async currentFile(root: string, indicatorId: string): Promise<CurrentFile | null> {
    const found = (await this.indicatorFiles(root)).find((candidate) => candidate.id === indicatorId);
    return found === undefined ? null : { file: found.file, text: found.text };
  }

  /** The columns of every source as the latest computations loaded them, newest first. */
  private async loadedColumns(municipalityId: string): Promise<Map<string, readonly SourceColumn[]>> {
    const columns = new Map<string, readonly SourceColumn[]>();
    for (const record of await listComputations(this.options.db, municipalityId, 20)) {
      for (const [sourceId, sourceColumns] of Object.entries(record.inputs?.sourceColumns ?? {})) {
        if (!columns.has(sourceId)) columns.set(sourceId, sourceColumns);
      }
    }
    return columns;
  }

  /** Runs the changes of one municipality one after the other, on this instance. */
  private inTurn<T>(municipalityId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.turns.get(municipalityId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.turns.set(municipalityId, next);
    return next;
  }
}

/**
 * What can be told at once, before a worker starts: the loader's problems
 * with the file (schema, target years, sources that do not exist), then the
 * guard's refusals of the expressions (a file read, a statement). The worker
 * runs both again, then DuckDB's parser and binding.
 */
async function quickProblems(root: string, file: string, text: string, draft: IndicatorDraft): Promise<DraftProblem[]> {
  const { problems } = await loadWorkspaceWithChanges(root, [{ path: file, text }]);
  const own = problems.filter((problem) => problem.file === file);
  if (own.length > 0) return own;
  const expressions: [ExpressionField, string | undefined][] = [
    ['measure', draft.measure],
    ['filter', draft.filter],
    ['per.measure', draft.per?.measure],
  ];
  return expressions.flatMap(([field, expression]) => {
    const refusal = expression === undefined || expression.trim() === '' ? null : guardExpression(expression, field);
    return refusal === null ? [] : [{ file, field, message: refusal }];
  });
}

/** Which definition files an import adds, changes and removes. */
function differenceOf(current: readonly WorkspaceFile[], incoming: readonly WorkspaceFile[]): DefinitionsImportCheck['changes'] {
  const before = new Map(current.map((file) => [file.path, file.text]));
  const after = new Map(incoming.map((file) => [file.path, file.text]));
  const sorted = (paths: Iterable<string>) => [...paths].sort();
  return {
    added: sorted([...after.keys()].filter((path) => !before.has(path))),
    changed: sorted([...after.keys()].filter((path) => before.has(path) && before.get(path) !== after.get(path))),
    removed: sorted([...before.keys()].filter((path) => !after.has(path))),
  };
}

function failureText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
