import type { ComputationRecord, KoersCommands, Viewer } from '@koers/domain';
import type { InMemoryCatalog } from './in-memory-catalog';

/**
 * `KoersCommands` over an {@link InMemoryCatalog}, for tests of the real
 * `appRouter`: a requested computation is recorded in `requests` and becomes
 * the municipality's latest computation, queued, as the server's queue would
 * show it until an instance takes it. Set `failure` to make a request reject.
 */
export class InMemoryCommands implements KoersCommands {
  /** Every request, in order: which municipality, asked by whom (e-mail). */
  readonly requests: { readonly municipalityId: string; readonly by: string }[] = [];
  /** When set, a request rejects with it. */
  failure: Error | null = null;

  constructor(
    private readonly catalog: InMemoryCatalog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async requestComputation(municipalityId: string, by: Viewer): Promise<void> {
    if (this.failure) throw this.failure;
    this.requests.push({ municipalityId, by: by.email });
    const requestedAt = this.now().toISOString();
    const queued: ComputationRecord = {
      id: `requested-${this.requests.length}`,
      municipalityId,
      trigger: 'request',
      requestedAt,
      startedAt: requestedAt,
      finishedAt: null,
      status: 'queued',
      error: null,
      inputs: null,
      problems: [],
      indicatorCount: 0,
      failedCount: 0,
    };
    const contents = this.catalog.contents;
    const history = contents.history?.[municipalityId] ?? { latest: null, lastFinished: null };
    this.catalog.contents = { ...contents, history: { ...contents.history, [municipalityId]: { ...history, latest: queued } } };
  }
}
