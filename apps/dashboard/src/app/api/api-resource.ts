import { computed, resource, type Signal } from '@angular/core';
import { chooseMunicipalityHint, describeApiError, errorCodeOf, isRetryable } from './api-error';

/** What a page needs of one API answer: the value, whether it loads, what went wrong and whether retrying can help. */
export interface ApiResource<T> {
  /** The answer; undefined while it first loads, after an error, or while other parameters load. */
  readonly value: Signal<T | undefined>;
  /** True while (re)loading. */
  readonly isLoading: Signal<boolean>;
  /** What went wrong, as one Dutch sentence, or null. */
  readonly errorMessage: Signal<string | null>;
  /** Whether "Opnieuw proberen" can help with the error shown. */
  readonly canRetry: Signal<boolean>;
  /** The tRPC error code of the failure (`FORBIDDEN`, ...), or null: no error, or no answer from the server. */
  readonly errorCode: Signal<string | null>;
  /** Asks the server again. */
  reload(): void;
}

/** How to load one answer. */
export interface ApiResourceOptions<P, T> {
  /** The parameters; undefined means "nothing to load yet". A change cancels the request under way. */
  readonly params: () => P | undefined;
  readonly loader: (params: P, abortSignal: AbortSignal) => Promise<T>;
  /** Where to go after NOT_FOUND, in Dutch; by default the municipality list. */
  readonly notFoundHint?: string;
  /**
   * While new parameters load, keep showing the previous answer when this says
   * the two are views of the same thing (another period of one indicator), so
   * the page does not blank out and jump.
   */
  readonly keepPreviousWhile?: (previous: P, next: P) => boolean;
}

/**
 * An Angular `resource` over a tRPC call, with the error turned into Dutch.
 * Call it in an injection context (a store's field, a component's field).
 *
 * @example
 * readonly overview = apiResource({
 *   params: () => this.municipalityId(),
 *   loader: (municipalityId, abortSignal) => client.overview.get.query({ municipalityId }, { signal: abortSignal }),
 * });
 */
export function apiResource<P, T>(options: ApiResourceOptions<P, T>): ApiResource<T> {
  const answer = resource({
    params: options.params,
    loader: ({ params, abortSignal }) => options.loader(params, abortSignal),
  });
  const hint = options.notFoundHint ?? chooseMunicipalityHint;
  let shown: { params: P; value: T } | undefined;
  const value = computed(() => {
    const params = options.params();
    if (answer.hasValue()) {
      const current = answer.value();
      if (params !== undefined) shown = { params, value: current };
      return current;
    }
    const keep = options.keepPreviousWhile;
    if (keep && answer.isLoading() && shown && params !== undefined && keep(shown.params, params)) return shown.value;
    return undefined;
  });
  return {
    value,
    isLoading: answer.isLoading,
    errorMessage: computed(() => {
      const error = answer.error();
      return error === undefined ? null : describeApiError(error, hint);
    }),
    canRetry: computed(() => {
      const error = answer.error();
      return error !== undefined && isRetryable(error);
    }),
    errorCode: computed(() => {
      const error = answer.error();
      return error === undefined ? null : (errorCodeOf(error) ?? null);
    }),
    reload: () => void answer.reload(),
  };
}
