/** One recorded change: who, when, what, and the state before and after. */
export interface AuditRecord {
  readonly id: string;
  /** ISO 8601, UTC. */
  readonly occurredAt: string;
  readonly actor: string;
  readonly municipalityId: string | null;
  readonly entity: string;
  readonly entityId: string;
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** Which changes to read, newest first: all of one municipality, narrowed by what is given. */
export interface AuditFilter {
  readonly municipalityId: string;
  readonly entity?: string;
  readonly actor?: string;
  /** ISO 8601: changes at or after. */
  readonly from?: string;
  /** ISO 8601: changes before. */
  readonly to?: string;
  /** The `occurredAt` and `id` of the last change of the previous page. */
  readonly after?: { readonly occurredAt: string; readonly id: string };
  readonly limit: number;
}
