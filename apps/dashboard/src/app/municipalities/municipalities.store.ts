import { computed, inject, Injectable, resource } from '@angular/core';
import type { Municipality } from '@koers/domain';
import { describeApiError } from '../api/api-error';
import { KOERS_CLIENT } from '../api/koers-client';
import { SessionStore } from '../session/session.store';

/**
 * The municipalities the signed-in user holds a grant in (the server answers
 * only those), loaded once per user: when another user signs in, the list of
 * the previous one is gone, and nobody's list loads before someone signed in.
 */
@Injectable({ providedIn: 'root' })
export class MunicipalitiesStore {
  private readonly client = inject(KOERS_CLIENT);
  private readonly session = inject(SessionStore);

  private readonly listResource = resource({
    params: () => this.session.userId() ?? undefined,
    loader: ({ abortSignal }) => this.client.municipalities.list.query(undefined, { signal: abortSignal }),
  });

  /** The municipalities, in the server's order; empty while loading or after an error. */
  readonly municipalities = computed<readonly Municipality[]>(() =>
    this.listResource.hasValue() ? this.listResource.value() : [],
  );

  /** True while the list is (re)loading. */
  readonly isLoading = this.listResource.isLoading;

  /** What went wrong, in Dutch, or null. */
  readonly errorMessage = computed(() => {
    const error = this.listResource.error();
    return error === undefined ? null : describeApiError(error);
  });

  /** Settles once the signed-in user's list has loaded or failed: the list, or null after an error. */
  readonly settled = computed<readonly Municipality[] | null | undefined>(() => {
    if (this.session.userId() === null || this.listResource.isLoading()) return undefined;
    return this.listResource.hasValue() ? this.listResource.value() : null;
  });

  /** The name of the municipality with this id; undefined while the list loads, or when it serves no such municipality. */
  nameOf(municipalityId: string): string | undefined {
    return this.municipalities().find((municipality) => municipality.id === municipalityId)?.name;
  }

  /** Asks the server again, after an error. */
  reload(): void {
    this.listResource.reload();
  }
}
