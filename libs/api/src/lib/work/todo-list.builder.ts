import {
  type ComputationHistory,
  type EffectCommentary,
  holdsPortfolioOf,
  type IndicatorProblem,
  leadsTeamOf,
  type Municipality,
  type ProgramOverview,
  type ProgressRecord,
  quarterOf,
  type StoredIndicator,
  type TeamLead,
  type TodoItem,
  type TodoList,
  type Viewer,
} from '@koers/domain';
import { summarizeIndicator } from '../read-models/indicator-summary.builder';
import { buildActionsBoard } from './actions-board.builder';
import { quarterName, rolesOf } from './work-ports';

/** What a to-do list is built from. */
export interface TodoListInputs {
  readonly municipality: Municipality;
  readonly viewer: Viewer | null;
  readonly programs: readonly ProgramOverview[];
  readonly indicators: readonly StoredIndicator[];
  readonly history: ComputationHistory;
  readonly updates: readonly ProgressRecord[];
  readonly commentary: readonly EffectCommentary[];
  readonly teamLeads: readonly TeamLead[];
  readonly now: Date;
}

const statusWords = { at_risk: 'staat op risico', off_track: 'is uit koers' } as const;

/**
 * The signed-in user's "to do" in a municipality this quarter, by role:
 * - the data team: every source whose refresh failed in the latest
 *   computation (its dependents keep older values);
 * - a team lead: each action of their team still without a report;
 * - the college: each effect of its portfolio with an indicator at risk or
 *   off track and no commentary yet;
 * - an admin: all of that for everyone, per team and per portfolio.
 * Each item links to where it is done.
 */
export function buildTodoList(inputs: TodoListInputs): TodoList {
  const municipalityId = inputs.municipality.id;
  const quarter = quarterOf(inputs.now);
  const roles = rolesOf(inputs.viewer, municipalityId);
  const isAdmin = roles.has('admin');
  const items: TodoItem[] = [];

  if (isAdmin || roles.has('data_team')) items.push(...failedSources(inputs, isAdmin && !roles.has('data_team')));

  if (isAdmin || roles.has('team_lead')) {
    const board = buildActionsBoard({ ...inputs, quarter });
    const awaiting = board.actions.filter((action) => action.isAwaitingReport);
    if (roles.has('team_lead')) {
      for (const action of awaiting.filter((candidate) => leadsTeamOf(inputs.viewer, municipalityId, candidate.owner))) {
        items.push({
          kind: 'progress_due',
          title: `Voortgang van "${action.title}" over het ${quarterName(quarter)}`,
          detail: action.isOverdue ? `Over de einddatum (${action.due}) en nog niet gereed.` : `${action.programTitle} — ${action.taskTitle}`,
          link: { path: ['acties'], query: { team: action.owner ?? '' }, fragment: `actie-${action.id}` },
          assignee: null,
        });
      }
    }
    if (isAdmin) {
      const teams = new Map<string, number>();
      for (const action of awaiting) teams.set(action.owner ?? 'Zonder team', (teams.get(action.owner ?? 'Zonder team') ?? 0) + 1);
      for (const [team, count] of [...teams].sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0], 'nl'))) {
        items.push({
          kind: 'progress_due',
          title: `${team}: ${count} ${count === 1 ? 'actie' : 'acties'} zonder voortgang over het ${quarterName(quarter)}`,
          detail: teamLeadLine(inputs.teamLeads, team),
          link: { path: ['acties'], query: { team, status: 'not_reported' } },
          assignee: team,
        });
      }
    }
  }

  if (isAdmin || roles.has('college')) items.push(...openCommentary(inputs, quarter, isAdmin && !roles.has('college')));

  return { municipalityId, quarter, items: dedupe(items) };
}

function failedSources(inputs: TodoListInputs, isForOthers: boolean): TodoItem[] {
  const problems: IndicatorProblem[] = [
    ...(inputs.history.lastFinished?.problems ?? []),
    ...inputs.indicators.flatMap((stored) => (stored.problem === null ? [] : [stored.problem])),
  ].filter((problem) => problem.file.startsWith('sources/'));
  const byFile = new Map<string, IndicatorProblem>();
  for (const problem of problems) if (!byFile.has(problem.file)) byFile.set(problem.file, problem);
  return [...byFile.values()].map((problem) => {
    const sourceId = problem.file.slice('sources/'.length).replace(/\.yaml$/, '');
    const dependent =
      inputs.indicators.find((stored) => stored.problem?.file === problem.file) ??
      inputs.indicators.find((stored) => stored.definition.indicator.source === sourceId || stored.definition.indicator.per?.source === sourceId);
    return {
      kind: 'source_failed',
      title: `Bron "${sourceId}" kon niet worden ververst`,
      detail: problem.message,
      // The indicator page shows the error and the age of the values still shown, with the source in its lineage.
      link: dependent === undefined ? { path: [] } : { path: ['indicatoren', dependent.indicatorId] },
      assignee: isForOthers ? 'Data Gedreven Werken' : null,
    };
  });
}

function openCommentary(inputs: TodoListInputs, quarter: string, isForOthers: boolean): TodoItem[] {
  const summaries = new Map(inputs.indicators.map((stored) => [stored.indicatorId, summarizeIndicator(stored)]));
  const written = new Set(inputs.commentary.filter((entry) => entry.quarter === quarter).map((entry) => entry.effectId));
  const roles = rolesOf(inputs.viewer, inputs.municipality.id);
  return inputs.programs
    .filter((program) => roles.has('admin') || holdsPortfolioOf(inputs.viewer, inputs.municipality.id, program.portfolioHolders))
    .flatMap((program) =>
      program.effects.flatMap((effect): TodoItem[] => {
        if (written.has(effect.id)) return [];
        const worrying = effect.indicators.flatMap((id) => {
          const summary = summaries.get(id);
          return summary !== undefined && (summary.status === 'at_risk' || summary.status === 'off_track') ? [summary] : [];
        });
        if (worrying.length === 0) return [];
        return [
          {
            kind: 'commentary_due',
            title: `Toelichting bij "${effect.title}" over het ${quarterName(quarter)}`,
            detail: worrying.map((summary) => `${summary.title} ${statusWords[summary.status as keyof typeof statusWords]}`).join('; '),
            link: { path: ['programmas', program.id], fragment: `effect-${effect.id}` },
            assignee: isForOthers ? program.portfolioHolders.join(', ') || program.title : null,
          },
        ];
      }),
    );
}

function teamLeadLine(teamLeads: readonly TeamLead[], team: string): string {
  const names = teamLeads.filter((lead) => lead.team.trim().toLocaleLowerCase('nl') === team.toLocaleLowerCase('nl')).map((lead) => lead.name);
  return names.length === 0 ? 'Geen teamleider met dit team in Koers.' : `Teamleider: ${names.join(', ')}`;
}

function dedupe(items: readonly TodoItem[]): TodoItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.kind}\u0000${item.title}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
