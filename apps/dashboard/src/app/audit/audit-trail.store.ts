import { computed, effect, inject, Injectable, PendingTasks, signal, untracked } from '@angular/core';
import { describeApiError, errorCodeOf, isRetryable } from '../api/api-error';
import type { ApiResource } from '../api/api-resource';
import { KOERS_CLIENT, type KoersClient } from '../api/koers-client';
import type { AuditListFilter } from './audit-filter';

/** One recorded change as the API sends it (an `AuditEntry` whose before and after may be absent). */
export type AuditEntry = Awaited<ReturnType<KoersClient['audit']['list']['query']>>[number];

/** How many changes one page of the audit trail holds. */
export const auditPageSize = 50;

/** What the audit trail shows: one municipality, filtered. */
export interface AuditTrailRequest {
  readonly municipalityId: string;
  readonly filter: AuditListFilter;
}

/**
 * The audit trail of one page: the first page of changes for the request,
 * then "Meer laden" appends the next. Provided by the page, so it lives and
 * ends with it. It is an {@link ApiResource} of the changes loaded so far,
 * for the shared load state.
 */
@Injectable()
export class AuditTrailStore implements ApiResource<readonly AuditEntry[]> {
  private readonly client = inject(KOERS_CLIENT);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly request = signal<AuditTrailRequest | undefined>(undefined);
  private readonly records = signal<readonly AuditEntry[] | undefined>(undefined);
  private readonly error = signal<unknown>(undefined);
  private readonly loading = signal(false);
  private readonly more = signal(false);
  /** Only the latest load may write its answer: a newer request makes older ones stale. */
  private generation = 0;
  private controller: AbortController | null = null;

  readonly value = this.records.asReadonly();
  readonly isLoading = this.loading.asReadonly();
  /** Whether the last page was full, so there may be more. */
  readonly hasMore = this.more.asReadonly();
  readonly errorMessage = computed(() => (this.error() === undefined ? null : describeApiError(this.error())));
  readonly canRetry = computed(() => this.error() !== undefined && isRetryable(this.error()));
  readonly errorCode = computed(() => (this.error() === undefined ? null : (errorCodeOf(this.error()) ?? null)));

  constructor() {
    effect(() => {
      const request = this.request();
      if (request !== undefined) untracked(() => void this.load(request, false));
    });
  }

  /** Shows the changes for `request`, from the newest. */
  show(request: AuditTrailRequest): void {
    const current = this.request();
    if (current !== undefined && JSON.stringify(current) === JSON.stringify(request)) return;
    this.request.set(request);
  }

  /** Loads the next page after the changes shown; resolves to how many came. */
  async loadMore(): Promise<number> {
    const request = this.request();
    if (request === undefined || this.loading() || !this.more()) return 0;
    return this.load(request, true);
  }

  reload(): void {
    const request = this.request();
    if (request !== undefined) void this.load(request, (this.records()?.length ?? 0) > 0);
  }

  /** A pending task: the app is not stable until the page has come. */
  private async load(request: AuditTrailRequest, isNextPage: boolean): Promise<number> {
    const done = this.pendingTasks.add();
    try {
      return await this.loadPage(request, isNextPage);
    } finally {
      done();
    }
  }

  private async loadPage(request: AuditTrailRequest, isNextPage: boolean): Promise<number> {
    const generation = ++this.generation;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const shown = isNextPage ? (this.records() ?? []) : [];
    const last = shown.at(-1);
    if (!isNextPage) this.records.set(undefined);
    this.loading.set(true);
    this.error.set(undefined);
    try {
      const page = await this.client.audit.list.query(
        {
          municipalityId: request.municipalityId,
          ...request.filter,
          ...(last === undefined ? {} : { after: { occurredAt: last.occurredAt, id: last.id } }),
          limit: auditPageSize,
        },
        { signal: controller.signal },
      );
      if (generation !== this.generation) return 0;
      this.records.set([...shown, ...page]);
      this.more.set(page.length === auditPageSize);
      return page.length;
    } catch (error) {
      if (generation !== this.generation) return 0;
      this.error.set(error);
      return 0;
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }
}
