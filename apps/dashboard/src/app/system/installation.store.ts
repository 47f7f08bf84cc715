import { computed, inject, Injectable, resource } from '@angular/core';
import { KOERS_CLIENT } from '../api/koers-client';

/** What the server says of the installation itself: demo or production, and its identity provider. */
@Injectable({ providedIn: 'root' })
export class InstallationStore {
  private readonly client = inject(KOERS_CLIENT);

  private readonly info = resource({
    loader: ({ abortSignal }) => this.client.system.info.query(undefined, { signal: abortSignal }),
  });

  /**
   * True when the server runs on fictitious demo data. False until it said so:
   * a production installation never shows the demo notice, not even for a moment.
   */
  readonly isDemo = computed(() => this.info.hasValue() && this.info.value().mode === 'demo');

  /** The municipality's identity provider (`{ label }`) the sign-in page offers; null when none, or until known. */
  readonly identityProvider = computed(() => (this.info.hasValue() ? this.info.value().identityProvider : null));
}
