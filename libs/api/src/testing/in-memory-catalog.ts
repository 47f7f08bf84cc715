import type {
  ActionProgress,
  AuditFilter,
  AuditRecord,
  ComputationHistory,
  ComputationRecord,
  KoersCatalog,
  Municipality,
  ProgramOverview,
  StoredIndicator,
} from '@koers/domain';

/** What an in-memory catalog holds, per municipality id where it is per municipality. */
export interface CatalogContents {
  readonly municipalities: readonly Municipality[];
  readonly programs?: Readonly<Record<string, readonly ProgramOverview[]>>;
  readonly indicators?: Readonly<Record<string, readonly StoredIndicator[]>>;
  readonly progress?: Readonly<Record<string, readonly ActionProgress[]>>;
  readonly history?: Readonly<Record<string, ComputationHistory>>;
  /** Newest first. */
  readonly computations?: Readonly<Record<string, readonly ComputationRecord[]>>;
  /** Newest first. */
  readonly audit?: readonly AuditRecord[];
}

/**
 * A `KoersCatalog` in memory, for tests of the real `appRouter` (in this lib
 * and in the dashboard). Set `failure` to make every read reject, or `hold()`
 * to keep answers back until `release()`, to see a loading state.
 */
export class InMemoryCatalog implements KoersCatalog {
  /** When set, every read rejects with it. */
  failure: Error | null = null;
  /** Every read, as `listPrograms(uithoorn)`, in order. */
  readonly reads: string[] = [];
  private gate: Promise<void> | null = null;
  private openGate: (() => void) | null = null;

  constructor(public contents: CatalogContents) {}

  async listMunicipalities(): Promise<readonly Municipality[]> {
    await this.answer('listMunicipalities()');
    return [...this.contents.municipalities].sort((left, right) => left.name.localeCompare(right.name, 'nl'));
  }

  async listPrograms(municipalityId: string): Promise<readonly ProgramOverview[]> {
    await this.answer(`listPrograms(${municipalityId})`);
    return this.contents.programs?.[municipalityId] ?? [];
  }

  async listIndicators(municipalityId: string): Promise<readonly StoredIndicator[]> {
    await this.answer(`listIndicators(${municipalityId})`);
    return this.contents.indicators?.[municipalityId] ?? [];
  }

  async listIndicatorEverywhere(indicatorId: string): Promise<readonly StoredIndicator[]> {
    await this.answer(`listIndicatorEverywhere(${indicatorId})`);
    const municipalities = await this.listMunicipalities();
    return municipalities.flatMap(
      (municipality) => this.contents.indicators?.[municipality.id]?.filter((stored) => stored.indicatorId === indicatorId) ?? [],
    );
  }

  async listLatestProgress(municipalityId: string): Promise<readonly ActionProgress[]> {
    await this.answer(`listLatestProgress(${municipalityId})`);
    return this.contents.progress?.[municipalityId] ?? [];
  }

  async computationHistory(municipalityId: string): Promise<ComputationHistory> {
    await this.answer(`computationHistory(${municipalityId})`);
    return this.contents.history?.[municipalityId] ?? { latest: null, lastFinished: null };
  }

  async listComputations(municipalityId: string, limit: number): Promise<readonly ComputationRecord[]> {
    await this.answer(`listComputations(${municipalityId})`);
    return (this.contents.computations?.[municipalityId] ?? []).slice(0, limit);
  }

  async listAudit(filter: AuditFilter): Promise<readonly AuditRecord[]> {
    await this.answer(`listAudit(${filter.municipalityId})`);
    return (this.contents.audit ?? [])
      .filter((record) => record.municipalityId === filter.municipalityId)
      .filter((record) => filter.entity === undefined || record.entity === filter.entity)
      .filter((record) => filter.actor === undefined || record.actor === filter.actor)
      .filter((record) => filter.from === undefined || Date.parse(record.occurredAt) >= Date.parse(filter.from))
      .filter((record) => filter.to === undefined || Date.parse(record.occurredAt) < Date.parse(filter.to))
      .filter((record) => filter.after === undefined || isOlder(record, filter.after))
      .slice(0, filter.limit);
  }

  /** Keeps every answer back until {@link release}. */
  hold(): void {
    this.gate ??= new Promise((resolve) => (this.openGate = resolve));
  }

  /** Lets the answers held back by {@link hold} go. */
  release(): void {
    this.openGate?.();
    this.gate = null;
    this.openGate = null;
  }

  private async answer(call: string): Promise<void> {
    this.reads.push(call);
    if (this.gate) await this.gate;
    if (this.failure) throw this.failure;
  }
}

/** Whether `record` comes after `than` newest first: earlier, or at the same time with a smaller id (as the database pages). */
function isOlder(record: AuditRecord, than: { readonly occurredAt: string; readonly id: string }): boolean {
  const time = Date.parse(record.occurredAt);
  const thanTime = Date.parse(than.occurredAt);
  return time < thanTime || (time === thanTime && record.id < than.id);
}
