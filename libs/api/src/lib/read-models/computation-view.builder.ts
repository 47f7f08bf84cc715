import type { ComputationHistory, ComputationView } from '@koers/domain';

/** Where the computations of a municipality stand, from its history and whether any values are stored. */
export function computationViewOf(history: ComputationHistory, hasResults: boolean): ComputationView {
  const { latest, lastFinished } = history;
  const state = latest === null ? 'pending' : latest.status === 'running' || latest.status === 'queued' ? 'running' : latest.status === 'failed' ? 'failed' : 'ready';
  return {
    state,
    hasResults,
    lastFinishedAt: lastFinished?.finishedAt ?? null,
    error: latest?.status === 'failed' ? latest.error : null,
  };
}
