import type { Action, Effect, Municipality, Task } from '@koers/domain';

/** A program as the dashboard lists it: the budget chapter with its effects, tasks and actions. */
export interface ProgramOverview {
  readonly id: string;
  readonly municipalityId: string;
  readonly title: string;
  readonly portfolioHolders: readonly string[];
  readonly department: string | null;
  readonly vision: string | null;
  readonly policyDocuments: readonly string[];
  readonly effects: readonly Pick<Effect, 'id' | 'title' | 'description' | 'indicators'>[];
  readonly tasks: readonly (Pick<Task, 'id' | 'title' | 'description' | 'effects'> & {
    readonly actions: readonly Action[];
  })[];
}

/**
 * What the API needs to read programs. Persistence implements it; the API
 * knows no database, so its routers are tested with a real implementation
 * or a small in-memory one.
 */
export interface ProgramCatalog {
  listMunicipalities(): Promise<readonly Municipality[]>;
  /** The programs of one municipality in budget order; empty when it has none. */
  listPrograms(municipalityId: string): Promise<readonly ProgramOverview[]>;
}

