import type { Insertable, Kysely, Selectable } from 'kysely';

/** A budget municipality served by this installation. */
export interface MunicipalityTable {
  id: string;
  name: string;
  /** Absolute path of the municipality's indicator workspace, where the server computes from. */
  workspace_root: string | null;
  /** sha256 of the imported program structure: a computation re-imports only when it differs. */
  structure_hash: string | null;
  /** The year of the program budget in force (programmabegroting). */
  budget_year: number | null;
}

/** A program (chapter of the budget); lists are JSON arrays of strings, which every dialect stores as text. */
export interface ProgramTable {
  municipality_id: string;
  id: string;
  position: number;
  title: string;
  portfolio_holders: string;
  department: string | null;
  vision: string | null;
  policy_documents: string;
  source_file: string | null;
  /** The year of the program budget the program belongs to. */
  budget_year: number | null;
}

/** An effect (beoogd effect) of a program. */
export interface EffectTable {
  municipality_id: string;
  id: string;
  program_id: string;
  position: number;
  title: string;
  description: string | null;
}

/** An indicator that measures an effect, in the order the program lists them. */
export interface EffectIndicatorTable {
  municipality_id: string;
  effect_id: string;
  indicator_id: string;
  position: number;
}

/** A task (opgave) of a program. */
export interface TaskTable {
  municipality_id: string;
  id: string;
  program_id: string;
  position: number;
  title: string;
  description: string | null;
}

/** An effect a task works towards. */
export interface TaskEffectTable {
  municipality_id: string;
  task_id: string;
  effect_id: string;
  position: number;
}

/** An action (actie) of a task; dates are `YYYY-MM-DD`. */
export interface ActionTable {
  municipality_id: string;
  id: string;
  program_id: string;
  task_id: string;
  position: number;
  title: string;
  description: string | null;
  kind: string;
  priority: string;
  owner: string | null;
  start_date: string | null;
  due_date: string | null;
}

/** An effect indicator; `definition` is the indicator's YAML as JSON text, for the KPI engine. */
export interface IndicatorTable {
  municipality_id: string;
  id: string;
  title: string;
  unit: string;
  definition: string;
  source_file: string | null;
}

/** What a team lead reported on one action for one quarter; `recorded_at` is an ISO 8601 time. */
export interface ProgressUpdateTable {
  municipality_id: string;
  action_id: string;
  quarter: string;
  status: string;
  percent: number;
  comment: string;
  author: string;
  recorded_at: string;
}

/** Someone who signs in: with a password (its argon2id hash) or through an identity provider (issuer and subject). */
export interface UserTable {
  id: string;
  name: string;
  email: string;
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
}

/** What a user may do where: one role in one municipality. */
export interface GrantTable {
  user_id: string;
  municipality_id: string;
  role: string;
  /** A team lead's team: the owner name its actions carry; null otherwise. */
  team: string | null;
  /** A college member's portfolio holders as a JSON list; null for every portfolio. */
  portfolio: string | null;
}

/** One version of the college's commentary on an effect for a quarter; a save adds the next version. */
export interface EffectCommentaryTable {
  municipality_id: string;
  effect_id: string;
  quarter: string;
  version: number;
  text: string;
  author_email: string;
  author_name: string;
  written_at: string;
}

/** A signed-in session, by the sha256 (hex) of the secret in its cookie. */
export interface SessionTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

/** A failed sign-in, by `account:<email>` or `address:<ip>`, for the rate limit. */
export interface SignInFailureTable {
  key: string;
  occurred_at: string;
}

/** One change anyone made: who, when, what, and the state before and after as JSON text. */
export interface AuditLogTable {
  id: string;
  occurred_at: string;
  actor: string;
  municipality_id: string | null;
  entity: string;
  entity_id: string;
  action: string;
  before_state: string | null;
  after_state: string | null;
}

/** One run of the KPI engine; `inputs` and `problems` are JSON (`ComputationInputs`, `IndicatorProblem[]`). */
export interface ComputationTable {
  id: string;
  municipality_id: string;
  trigger: string;
  /** When it was asked for; it waits (`queued`) until an instance claims it. */
  requested_at: string | null;
  /** The server instance that took it. */
  claimed_by: string | null;
  started_at: string;
  finished_at: string | null;
  status: string;
  error: string | null;
  inputs: string | null;
  problems: string;
  indicator_count: number;
  failed_count: number;
  /** The indicators it covers, as a JSON array of ids; null for all of them. */
  indicator_ids: string | null;
}

/**
 * What is kept of one indicator, as JSON: its `DefinitionSnapshot`, its last
 * good `IndicatorReport` (null before the first), the `PeriodStatus[]` of its
 * values, and the latest computation's problem with it (null when none).
 */
export interface IndicatorResultTable {
  municipality_id: string;
  indicator_id: string;
  /** Its place in the workspace's order. */
  position: number;
  definition: string;
  report: string | null;
  statuses: string;
  computation_id: string | null;
  problem: string | null;
}

/** A municipality's computing slot: at most one computation holds it, and keeps its heartbeat while it runs. */
export interface ComputationSlotTable {
  municipality_id: string;
  computation_id: string | null;
  owner: string | null;
  heartbeat_at: string | null;
}

/** One row: a counter of every change the API reads, for the read-model caches of every instance. */
export interface DataVersionTable {
  id: number;
  version: number;
}

/** One kept version of a source: its immutable file (`kept_file`, in the installation's versions folder) and what it holds. */
export interface SourceVersionTable {
  municipality_id: string;
  source_id: string;
  version: number;
  sha256: string;
  row_count: number | null;
  size_bytes: number;
  format: string;
  kept_file: string;
  uploaded_by: string;
  uploaded_at: string;
  job_id: string | null;
}

/** An upload, new source or rollback and its steps; `preview`, `problem` and `steps` are JSON. */
export interface SourceJobTable {
  id: string;
  municipality_id: string;
  source_id: string | null;
  kind: string;
  state: string;
  format: string | null;
  size_bytes: number | null;
  sha256: string | null;
  /** The uploaded file while it waits (relative to the municipality's versions folder). */
  upload_file: string | null;
  preview: string | null;
  version: number | null;
  row_count: number | null;
  problem: string | null;
  steps: string;
  /** The server instance running it. */
  owner: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A personal API token, by the sha256 (hex) of its secret. */
export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Where a quarter's report stands; `version` is the one under way or the latest published. */
export interface ReportTable {
  municipality_id: string;
  quarter: string;
  status: string;
  version: number;
  correction_reason: string | null;
  opened_by: string;
  opened_at: string;
  approved_by: string | null;
  approved_at: string | null;
}

/** A published version of a report, its `ReportSnapshot` as JSON; rows are only ever added. */
export interface ReportVersionTable {
  municipality_id: string;
  quarter: string;
  version: number;
  published_at: string;
  published_by: string;
  correction_reason: string | null;
  snapshot: string;
}

/** Cause, consequence and correction of one exception in one version of a report. */
export interface ReportExplanationTable {
  municipality_id: string;
  quarter: string;
  version: number;
  item_kind: string;
  item_id: string;
  cause: string;
  consequence: string;
  correction: string;
  author_email: string;
  author_name: string;
  written_at: string;
}

/** Whether a municipality's published reports are public. */
export interface ReportSettingsTable {
  municipality_id: string;
  is_public: boolean;
  changed_by: string;
  changed_at: string;
}

/** A motion or commitment; `points` is its `MotionPoint[]` as JSON; `adopted_on` is `YYYY-MM-DD`. */
export interface MotionTable {
  municipality_id: string;
  id: string;
  kind: string;
  reference: string;
  title: string;
  adopted_on: string;
  text: string | null;
  points: string;
  changed_by: string;
  changed_at: string;
}

/** The college's response to one point of a motion for one quarter. */
export interface MotionResponseTable {
  municipality_id: string;
  motion_id: string;
  point_number: number;
  quarter: string;
  status: string;
  response: string;
  author_email: string;
  author_name: string;
  written_at: string;
}

/** A council member's question on a report, and the college's answer. */
export interface ReportQuestionTable {
  id: string;
  municipality_id: string;
  quarter: string;
  item_kind: string;
  item_id: string;
  item_title: string;
  question: string;
  asked_by_email: string;
  asked_by_name: string;
  asked_at: string;
  answer: string | null;
  answered_by_email: string | null;
  answered_by_name: string | null;
  answered_at: string | null;
}

/** The app state Koers keeps, as kysely types its queries. */
export interface Database {
  municipalities: MunicipalityTable;
  programs: ProgramTable;
  effects: EffectTable;
  effect_indicators: EffectIndicatorTable;
  tasks: TaskTable;
  task_effects: TaskEffectTable;
  actions: ActionTable;
  indicators: IndicatorTable;
  progress_updates: ProgressUpdateTable;
  users: UserTable;
  grants: GrantTable;
  sessions: SessionTable;
  sign_in_failures: SignInFailureTable;
  audit_log: AuditLogTable;
  computations: ComputationTable;
  indicator_results: IndicatorResultTable;
  computation_slots: ComputationSlotTable;
  data_version: DataVersionTable;
  source_versions: SourceVersionTable;
  source_jobs: SourceJobTable;
  api_tokens: ApiTokenTable;
  effect_commentary: EffectCommentaryTable;
  reports: ReportTable;
  report_versions: ReportVersionTable;
  report_explanations: ReportExplanationTable;
  report_settings: ReportSettingsTable;
  motions: MotionTable;
  motion_responses: MotionResponseTable;
  report_questions: ReportQuestionTable;
}

export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLogRow = Insertable<AuditLogTable>;
export type UserRow = Selectable<UserTable>;

/**
 * An open app database, as `openDatabase` returns it. Apps and feature libs
 * name it by this type and reach it only through this lib's repositories:
 * no code outside `libs/persistence` imports kysely.
 */
export type AppDatabase = Kysely<Database>;
