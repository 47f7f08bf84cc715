import { computed, inject, Injectable, resource } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import type { ProgramOverview } from '@koers/api';
import { map } from 'rxjs';
import { describeApiError, isRetryable } from '../api/api-error';
import { KOERS_API } from '../api/koers-api';

/**
 * The programs of the municipality in the route (`/:municipalityId/...`).
 * Provide it on the routed component: it follows that route's parameter, so
 * switching municipality reloads, and a stale answer is cancelled.
 */
@Injectable()
export class ProgramsStore {
  private readonly api = inject(KOERS_API);

  /** The municipality in the route. */
  readonly municipalityId = toSignal(
    inject(ActivatedRoute).paramMap.pipe(map((parameters) => parameters.get('municipalityId') ?? undefined)),
    { initialValue: undefined },
  );

  private readonly programsResource = resource({
    params: () => this.municipalityId(),
    loader: ({ params: municipalityId, abortSignal }) => this.api.listPrograms(municipalityId, abortSignal),
  });

  /** The programs, in budget order; empty while loading or after an error. */
  readonly programs = computed<readonly ProgramOverview[]>(() =>
    this.programsResource.hasValue() ? this.programsResource.value() : [],
  );

  /** True while the programs are (re)loading. */
  readonly isLoading = this.programsResource.isLoading;

  /** What went wrong, in Dutch, or null. */
  readonly errorMessage = computed(() => {
    const error = this.programsResource.error();
    return error === undefined ? null : describeApiError(error);
  });

  /** Whether "Opnieuw proberen" can help with the error shown. */
  readonly canRetry = computed(() => {
    const error = this.programsResource.error();
    return error !== undefined && isRetryable(error);
  });

  /** True once loaded without error and the municipality has no programs. */
  readonly isEmpty = computed(
    () => this.programsResource.hasValue() && !this.programsResource.isLoading() && this.programs().length === 0,
  );

  /** Asks the server again, after an error. */
  reload(): void {
    this.programsResource.reload();
  }
}
