import type { Municipality } from './municipality.schema';
import type { Action, Effect, Task } from './program.schema';

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
 * Reading the programs of the municipalities an installation serves. Persistence
 * implements it and the API reads through it, so the API knows no database and
 * its routers can be tested with a small in-memory catalog.
 */
export interface ProgramCatalog {
  listMunicipalities(): Promise<readonly Municipality[]>;
  /** The programs of one municipality in budget order; empty when it has none. */
  listPrograms(municipalityId: string): Promise<readonly ProgramOverview[]>;
}
