import type {
  CommentaryEntry,
  EffectCommentary,
  ProgramDocument,
  ProgramEditProblem,
  ProgramFile,
  ProgramFiles,
  ProgramOverview,
  ProgramSaveResult,
  ProgressRecord,
  ProgressReport,
  TeamLead,
  Viewer,
  WorkCatalog,
  WorkCommands,
} from '@koers/domain';
import type { InMemoryCatalog } from './in-memory-catalog';
import { sampleTeam } from './sample-catalog';

/** One change the in-memory work recorded, as the server's audit trail would: who, what, before and after. */
export interface RecordedWorkChange {
  readonly actor: string;
  readonly municipalityId: string;
  readonly entity: 'progress' | 'commentary' | 'program';
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * The work ports in memory (`WorkCatalog`, `WorkCommands`, `ProgramFiles`)
 * over an {@link InMemoryCatalog}, for tests of the real `appRouter` in this
 * lib and in the dashboard. A progress report also becomes the action's
 * latest progress in the catalog, and a saved program replaces the catalog's
 * program (as the computation's import would), so the pages that read the
 * catalog follow. `changes` is the audit trail; set `failure` to make every
 * call reject.
 */
export class InMemoryWork implements WorkCatalog, WorkCommands, ProgramFiles {
  readonly changes: RecordedWorkChange[] = [];
  /** When set, every call rejects with it. */
  failure: Error | null = null;
  private readonly progress: { readonly municipalityId: string; record: ProgressRecord }[];
  private readonly commentary: { readonly municipalityId: string; readonly entry: EffectCommentary }[] = [];
  private readonly revisions = new Map<string, number>();

  constructor(
    private readonly catalog: InMemoryCatalog,
    private readonly options: { readonly teamLeads?: Readonly<Record<string, readonly TeamLead[]>>; readonly now?: () => Date } = {},
  ) {
    this.progress = Object.entries(catalog.contents.progress ?? {}).flatMap(([municipalityId, updates]) =>
      updates.map((update) => ({ municipalityId, record: { ...update, author: `teamleider@${municipalityId}.example` } })),
    );
  }

  async listProgressUpdates(municipalityId: string): Promise<readonly ProgressRecord[]> {
    this.check();
    return this.progress.filter((stored) => stored.municipalityId === municipalityId).map((stored) => stored.record);
  }

  async listCommentary(municipalityId: string): Promise<readonly EffectCommentary[]> {
    this.check();
    const current = new Map<string, EffectCommentary>();
    for (const { entry } of this.commentary.filter((stored) => stored.municipalityId === municipalityId)) current.set(`${entry.effectId}:${entry.quarter}`, entry);
    return [...current.values()];
  }

  async commentaryHistory(municipalityId: string, effectId: string, quarter: string): Promise<readonly EffectCommentary[]> {
    this.check();
    return this.commentary
      .filter((stored) => stored.municipalityId === municipalityId && stored.entry.effectId === effectId && stored.entry.quarter === quarter)
      .map((stored) => stored.entry)
      .reverse();
  }

  async listTeamLeads(municipalityId: string): Promise<readonly TeamLead[]> {
    this.check();
    return this.options.teamLeads?.[municipalityId] ?? [];
  }

  async saveProgress(municipalityId: string, report: ProgressReport, by: Viewer): Promise<ProgressRecord> {
    this.check();
    const saved: ProgressRecord = { ...report, author: by.email, recordedAt: this.now().toISOString() };
    const existing = this.progress.find(
      (stored) => stored.municipalityId === municipalityId && stored.record.actionId === report.actionId && stored.record.quarter === report.quarter,
    );
    const before = existing?.record ?? null;
    if (existing === undefined) this.progress.push({ municipalityId, record: saved });
    else existing.record = saved;
    this.changes.push({ actor: by.email, municipalityId, entity: 'progress', entityId: `${report.actionId}:${report.quarter}`, before, after: saved });
    const contents = this.catalog.contents;
    const latest = (contents.progress?.[municipalityId] ?? []).filter((update) => update.actionId !== report.actionId);
    const progress = { actionId: saved.actionId, quarter: saved.quarter, status: saved.status, percent: saved.percent, comment: saved.comment, recordedAt: saved.recordedAt };
    this.catalog.contents = { ...contents, progress: { ...contents.progress, [municipalityId]: [...latest, progress] } };
    return saved;
  }

  async saveCommentary(municipalityId: string, entry: CommentaryEntry, by: Viewer): Promise<EffectCommentary> {
    this.check();
    const history = await this.commentaryHistory(municipalityId, entry.effectId, entry.quarter);
    const saved: EffectCommentary = { ...entry, version: (history[0]?.version ?? 0) + 1, authorName: by.name, authorEmail: by.email, writtenAt: this.now().toISOString() };
    this.commentary.push({ municipalityId, entry: saved });
    this.changes.push({ actor: by.email, municipalityId, entity: 'commentary', entityId: `${entry.effectId}:${entry.quarter}`, before: history[0] ?? null, after: saved });
    return saved;
  }

  async read(municipalityId: string, programId: string): Promise<ProgramFile | null> {
    this.check();
    const program = this.programOf(municipalityId, programId);
    if (program === undefined) return null;
    return {
      programId,
      file: `programs/${programId}.yaml`,
      revision: this.revisionOf(municipalityId, programId),
      document: documentOf(program),
      problems: [],
      indicators: (this.catalog.contents.indicators?.[municipalityId] ?? []).map((stored) => ({ id: stored.indicatorId, title: stored.definition.indicator.title })),
    };
  }

  async save(municipalityId: string, programId: string, document: ProgramDocument, expectedRevision: string, by: Viewer): Promise<ProgramSaveResult> {
    this.check();
    const program = this.programOf(municipalityId, programId);
    if (program === undefined) return { status: 'invalid', problems: [{ field: null, message: `programs/${programId}.yaml bestaat niet meer` }] };
    if (expectedRevision !== this.revisionOf(municipalityId, programId)) {
      return { status: 'conflict', message: `programs/${programId}.yaml is gewijzigd sinds u het opende: open het opnieuw en breng uw wijziging opnieuw aan.` };
    }
    // What the workspace check adds to the API's own: every indicator an effect lists must exist.
    const indicatorIds = new Set((this.catalog.contents.indicators?.[municipalityId] ?? []).map((stored) => stored.indicatorId));
    const problems: ProgramEditProblem[] = document.effects.flatMap((effect, effectIndex) =>
      effect.indicators.flatMap((id, index) =>
        indicatorIds.has(id) ? [] : [{ field: `effects[${effectIndex}].indicators[${index}]`, message: `indicator "${id}" does not exist (programs/${programId}.yaml)` }],
      ),
    );
    if (problems.length > 0) return { status: 'invalid', problems };
    const key = `${municipalityId}/${programId}`;
    this.revisions.set(key, (this.revisions.get(key) ?? 0) + 1);
    this.changes.push({ actor: by.email, municipalityId, entity: 'program', entityId: programId, before: documentOf(program), after: document });
    const contents = this.catalog.contents;
    const programs = (contents.programs?.[municipalityId] ?? []).map((candidate) => (candidate.id === programId ? overviewOf(candidate, document) : candidate));
    this.catalog.contents = { ...contents, programs: { ...contents.programs, [municipalityId]: programs } };
    return { status: 'saved', revision: this.revisionOf(municipalityId, programId), file: `programs/${programId}.yaml` };
  }

  private programOf(municipalityId: string, programId: string): ProgramOverview | undefined {
    return this.catalog.contents.programs?.[municipalityId]?.find((program) => program.id === programId);
  }

  /** A revision as the server writes one (64 hex digits), counting saves. */
  private revisionOf(municipalityId: string, programId: string): string {
    return String(this.revisions.get(`${municipalityId}/${programId}`) ?? 0).padStart(64, '0');
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}

function documentOf(program: ProgramOverview): ProgramDocument {
  return {
    title: program.title,
    portfolioHolders: [...program.portfolioHolders],
    ...(program.department === null ? {} : { department: program.department }),
    ...(program.vision === null ? {} : { vision: program.vision }),
    policyDocuments: [...program.policyDocuments],
    effects: program.effects.map((effect) => ({ ...effect, indicators: [...effect.indicators] })),
    tasks: program.tasks.map((task) => ({ ...task, effects: [...task.effects], actions: task.actions.map((action) => ({ ...action })) })),
  };
}

function overviewOf(previous: ProgramOverview, document: ProgramDocument): ProgramOverview {
  return {
    ...previous,
    title: document.title,
    portfolioHolders: document.portfolioHolders,
    department: document.department ?? null,
    vision: document.vision ?? null,
    policyDocuments: document.policyDocuments,
    effects: document.effects,
    tasks: document.tasks,
  };
}

/** The three work ports of an `ApiContext`, all one {@link InMemoryWork}: spread into a test's context. */
export function inMemoryWorkPorts(work: InMemoryWork): { readonly work: WorkCatalog; readonly workCommands: WorkCommands; readonly programFiles: ProgramFiles } {
  return { work, workCommands: work, programFiles: work };
}

/** Who leads which team in the sample installation. */
export const sampleTeamLeads: Readonly<Record<string, readonly TeamLead[]>> = {
  uithoorn: [
    { name: 'Proef team_lead', email: 'team_lead@proef.koers.example', team: sampleTeam },
    { name: 'Hanna HRM', email: 'hanna@proef.koers.example', team: 'Team HRM' },
  ],
};

