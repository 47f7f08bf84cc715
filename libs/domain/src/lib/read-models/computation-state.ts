/**
 * Where a municipality's computations stand, as the dashboard shows it:
 * `pending` nothing ran yet, `running` a computation is under way,
 * `ready` the latest computation finished, `failed` the latest failed as a whole.
 */
export const computationStates = ['pending', 'running', 'ready', 'failed'] as const;
export type ComputationState = (typeof computationStates)[number];

export interface ComputationView {
  readonly state: ComputationState;
  /** Whether any computed values are stored: without them the dashboard says it is still calculating. */
  readonly hasResults: boolean;
  /** When the last computation that finished did so (ISO 8601), or null. */
  readonly lastFinishedAt: string | null;
  /** Why the latest computation failed as a whole, or null. */
  readonly error: string | null;
}
