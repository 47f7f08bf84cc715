import {
  type ActionsBoard,
  type BoardAction,
  leadsTeamOf,
  type Municipality,
  periodEnd,
  type ProgramOverview,
  type ProgressRecord,
  quarterOf,
  type TeamLead,
  type TeamReporting,
  type Viewer,
} from '@koers/domain';
import { actionStandingOf } from '../read-models/action-standing';
import { rolesOf } from './work-ports';

/** What the actions board is built from. */
export interface ActionsBoardInputs {
  readonly municipality: Municipality;
  readonly programs: readonly ProgramOverview[];
  readonly updates: readonly ProgressRecord[];
  readonly teamLeads: readonly TeamLead[];
  readonly viewer: Viewer | null;
  readonly now: Date;
  /** The quarter to show; today's when left out. */
  readonly quarter?: string;
}

/**
 * Every action of the municipality as it stands in the quarter: its report
 * of that quarter, its latest report up to then, whether it is overdue (its
 * due date passed by the quarter's end, or today in the current quarter, and
 * it is neither done nor cancelled) and whether it awaits a report (open, and
 * started by the quarter's end, with none for the quarter). The college and
 * admins get, per team, how many actions still await a report.
 */
export function buildActionsBoard(inputs: ActionsBoardInputs): ActionsBoard {
  const today = inputs.now.toISOString().slice(0, 10);
  const currentQuarter = quarterOf(inputs.now);
  const quarter = inputs.quarter ?? currentQuarter;
  const quarterEnd = periodEnd(quarter);
  const asOf = quarterEnd < today ? quarterEnd : today;
  const municipalityId = inputs.municipality.id;

  const updatesByAction = new Map<string, ProgressRecord[]>();
  for (const update of [...inputs.updates].sort((left, right) => (left.quarter < right.quarter ? -1 : left.quarter > right.quarter ? 1 : 0))) {
    updatesByAction.set(update.actionId, [...(updatesByAction.get(update.actionId) ?? []), update]);
  }

  const actions: BoardAction[] = inputs.programs.flatMap((program) =>
    program.tasks.flatMap((task) =>
      task.actions.map((action) => {
        const updates = updatesByAction.get(action.id) ?? [];
        const latest = updates.findLast((update) => update.quarter <= quarter) ?? null;
        const report = updates.find((update) => update.quarter === quarter) ?? null;
        const standing = actionStandingOf(latest ?? undefined, quarter);
        const isClosed = standing === 'done' || standing === 'cancelled';
        const hasStarted = action.start === undefined || action.start <= quarterEnd;
        return {
          id: action.id,
          title: action.title,
          programId: program.id,
          programTitle: program.title,
          taskId: task.id,
          taskTitle: task.title,
          kind: action.kind,
          priority: action.priority,
          owner: action.owner?.trim() || null,
          start: action.start ?? null,
          due: action.due ?? null,
          report,
          latest,
          standing,
          isOverdue: !isClosed && action.due !== undefined && action.due < asOf,
          isAwaitingReport: standing === 'not_reported' && hasStarted,
          mayReport: quarter === currentQuarter && leadsTeamOf(inputs.viewer, municipalityId, action.owner),
        };
      }),
    ),
  );

  const teams = [...new Set(actions.flatMap((action) => (action.owner === null ? [] : [action.owner])))].sort((left, right) => left.localeCompare(right, 'nl'));
  const roles = rolesOf(inputs.viewer, municipalityId);
  const teamLeadsOf = (team: string) => inputs.teamLeads.filter((lead) => lead.team.trim().toLocaleLowerCase('nl') === team.toLocaleLowerCase('nl')).map((lead) => lead.name);
  const reporting: TeamReporting[] | null =
    roles.has('admin') || roles.has('college')
      ? teams
          .map((team) => {
            const owned = actions.filter((action) => action.owner === team);
            return { team, actionCount: owned.length, awaitingCount: owned.filter((action) => action.isAwaitingReport).length, teamLeads: teamLeadsOf(team) };
          })
          .sort((left, right) => right.awaitingCount - left.awaitingCount || left.team.localeCompare(right.team, 'nl'))
      : null;
  const viewerTeam = inputs.viewer?.grants.find((grant) => grant.municipalityId === municipalityId && grant.role === 'team_lead')?.team?.trim() || null;
  return { municipality: inputs.municipality, quarter, currentQuarter, today, actions, teams, viewerTeam, reporting };
}
