import type { AuditFilter, AuditRecord } from './audit';
import type { ComputationRecord } from './computation';
import type { Municipality } from './municipality.schema';
import type { Action, Effect, Task } from './program.schema';
import type { ActionProgress } from './read-models/program-detail';
import type { StoredIndicator } from './stored-indicator';

/** A program as the dashboard lists it: the budget chapter with its effects, tasks and actions. */
export interface ProgramOverview {
  readonly id: string;
  readonly municipalityId: string;
  readonly title: string;
  readonly portfolioHolders: readonly string[];
  readonly department: string | null;
  readonly vision: string | null;
  readonly policyDocuments: readonly string[];
  /** The year of the program budget the program belongs to (programmabegroting), where it is known. */
  readonly budgetYear?: number;
  readonly effects: readonly Pick<Effect, 'id' | 'title' | 'description' | 'indicators'>[];
  readonly tasks: readonly (Pick<Task, 'id' | 'title' | 'description' | 'effects'> & {
    readonly actions: readonly Action[];
  })[];
}

/** The latest computation of a municipality, and the latest that finished (the same one once it has). */
export interface ComputationHistory {
  readonly latest: ComputationRecord | null;
  readonly lastFinished: ComputationRecord | null;
}

/**
 * Everything the API reads, as stored. Persistence implements it and the API
 * reads through it, so the API knows no database and its routers can be tested
 * with a small catalog in memory. Every method answers what is stored; none
 * computes an indicator.
 */
export interface KoersCatalog {
  listMunicipalities(): Promise<readonly Municipality[]>;
  /** The programs of one municipality in budget order; empty when it has none. */
  listPrograms(municipalityId: string): Promise<readonly ProgramOverview[]>;
  /** The stored indicators of one municipality, in workspace order. */
  listIndicators(municipalityId: string): Promise<readonly StoredIndicator[]>;
  /** One indicator as stored in every municipality that has it, by municipality name. */
  listIndicatorEverywhere(indicatorId: string): Promise<readonly StoredIndicator[]>;
  /** The latest progress update of every action of the municipality that has one. */
  listLatestProgress(municipalityId: string): Promise<readonly ActionProgress[]>;
  computationHistory(municipalityId: string): Promise<ComputationHistory>;
  /** The computations of a municipality, newest first. */
  listComputations(municipalityId: string, limit: number): Promise<readonly ComputationRecord[]>;
  /** Recorded changes, newest first, as the filter says. */
  listAudit(filter: AuditFilter): Promise<readonly AuditRecord[]>;
}
