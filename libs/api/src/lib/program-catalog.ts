// The catalog port and its read model live in the domain, where persistence
// (which may not import this feature lib) implements the same types.
export type { ProgramCatalog, ProgramOverview } from '@koers/domain';
