import type { ComputationOutcome, WorkspaceProblem } from '@koers/domain';
import type { ComputationRequest } from './computation-request';
import type { CheckRequest, DryRunOutcome, DryRunRequest } from './dry-run';

/** The one message the server sends a worker: a computation, a dry run of one indicator, or a check of changed files. */
export type WorkerRequestMessage =
  | { readonly kind: 'compute'; readonly request: ComputationRequest }
  | { readonly kind: 'dry-run'; readonly request: DryRunRequest }
  | { readonly kind: 'check'; readonly request: CheckRequest };

/** The one message a worker sends back before it exits. */
export type WorkerReplyMessage =
  | { readonly kind: 'outcome'; readonly outcome: ComputationOutcome }
  | { readonly kind: 'dry-run'; readonly outcome: DryRunOutcome }
  | { readonly kind: 'check'; readonly problems: readonly WorkspaceProblem[] }
  | { readonly kind: 'failure'; readonly message: string };
