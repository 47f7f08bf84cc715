import { effect } from '@angular/core';
import type { ComputationView } from '@koers/domain';

/** How long a page waits before asking again while the first figures are being computed. */
export const calculatingRefreshMilliseconds = 5_000;

/** Whether a page should ask again soon: nothing computed yet, and a computation pending or under way. */
export function isStillCalculating(computation: ComputationView | undefined): boolean {
  return computation !== undefined && !computation.hasResults && computation.state !== 'failed';
}

/**
 * Asks again every few seconds while the municipality has no figures yet, so
 * "still calculating" turns into the figures without a manual reload. Call it
 * in an injection context; it stops with the page.
 */
export function refreshWhileCalculating(computation: () => ComputationView | undefined, reload: () => void): void {
  effect((onCleanup) => {
    if (!isStillCalculating(computation())) return;
    const timer = setTimeout(reload, calculatingRefreshMilliseconds);
    onCleanup(() => clearTimeout(timer));
  });
}
