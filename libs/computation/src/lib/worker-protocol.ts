import type { ComputationOutcome } from '@koers/domain';
import type { ComputationRequest } from './computation-request';

/** The one message the server sends a compute worker. */
export interface WorkerRequestMessage {
  readonly kind: 'compute';
  readonly request: ComputationRequest;
}

/** The one message a compute worker sends back before it exits. */
export type WorkerReplyMessage =
  | { readonly kind: 'outcome'; readonly outcome: ComputationOutcome }
  | { readonly kind: 'failure'; readonly message: string };
