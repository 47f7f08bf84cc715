import {
  type ActionProgress,
  type ExceptionKind,
  type Motion,
  type Municipality,
  type PeriodValue,
  periodEnd,
  type ProgramOverview,
  type ReportCommentary,
  type ReportExplanation,
  type ReportSnapshot,
  type SnapshotExplanation,
  type SnapshotIndicator,
  type SnapshotMotion,
  type StoredIndicator,
} from '@koers/domain';
import { actionStandingOf } from '../read-models/action-standing';

/** Everything a report of one quarter is made from. */
export interface SnapshotInputs {
  readonly municipality: Municipality;
  readonly quarter: string;
  readonly version: number;
  readonly publishedAt: string;
  readonly publishedBy: string | null;
  readonly correctionReason: string | null;
  readonly programs: readonly ProgramOverview[];
  readonly indicators: readonly StoredIndicator[];
  /** Per action, its latest update of the quarter or before. */
  readonly progress: readonly ActionProgress[];
  readonly explanations: readonly ReportExplanation[];
  readonly commentary: readonly ReportCommentary[];
  readonly motions: readonly Motion[];
}

/** Statuses that make an effect an exception to explain. */
const exceptionStatuses = new Set(['at_risk', 'off_track']);

/**
 * A quarter's report from the stored data: the programs with their effects
 * and actions, each indicator cut at the quarter's end (a period that had not
 * ended by then is left out, and the status is that of the latest value left),
 * the progress of each action as it stood in the quarter, the explanations of
 * the exceptions, the college's commentary and the motions adopted by then.
 * Pure: the same inputs give the same report.
 */
export function buildReportSnapshot(inputs: SnapshotInputs): ReportSnapshot {
  const quarterEnd = periodEnd(inputs.quarter);
  const storedById = new Map(inputs.indicators.map((stored) => [stored.indicatorId, stored]));
  const indicatorIds = [...new Set(inputs.programs.flatMap((program) => program.effects.flatMap((effect) => effect.indicators)))];
  const indicators = indicatorIds.map((id) => snapshotIndicator(id, storedById.get(id), quarterEnd));
  const statusById = new Map(indicators.map((indicator) => [indicator.id, indicator.status]));
  const progressById = new Map(inputs.progress.map((progress) => [progress.actionId, progress]));
  const explanationOf = explanationLookup(inputs.explanations);
  const commentaryById = new Map(inputs.commentary.filter((entry) => entry.quarter === inputs.quarter).map((entry) => [entry.effectId, entry]));

  return {
    municipality: inputs.municipality,
    quarter: inputs.quarter,
    quarterEnd,
    version: inputs.version,
    publishedAt: inputs.publishedAt,
    publishedBy: inputs.publishedBy,
    correctionReason: inputs.correctionReason,
    programs: inputs.programs.map((program) => ({
      id: program.id,
      title: program.title,
      portfolioHolders: program.portfolioHolders,
      department: program.department,
      effects: program.effects.map((effect) => {
        const commentary = commentaryById.get(effect.id);
        return {
          id: effect.id,
          title: effect.title,
          description: effect.description ?? null,
          indicatorIds: effect.indicators,
          isException: effect.indicators.some((id) => exceptionStatuses.has(statusById.get(id) ?? '')),
          explanation: explanationOf('effect', effect.id),
          commentary: commentary === undefined ? null : { text: commentary.text, authorName: commentary.authorName, writtenAt: commentary.writtenAt },
        };
      }),
      tasks: program.tasks.map((task) => ({
        id: task.id,
        title: task.title,
        actions: task.actions.map((action) => {
          const progress = progressById.get(action.id);
          const standing = actionStandingOf(progress, inputs.quarter);
          return {
            id: action.id,
            title: action.title,
            owner: action.owner ?? null,
            kind: action.kind,
            priority: action.priority,
            start: action.start ?? null,
            due: action.due ?? null,
            standing,
            progress:
              progress === undefined
                ? null
                : { quarter: progress.quarter, status: progress.status, percent: progress.percent, comment: progress.comment, recordedAt: progress.recordedAt },
            isException: standing === 'delayed',
            explanation: explanationOf('action', action.id),
          };
        }),
      })),
    })),
    indicators,
    motions: inputs.motions.filter((motion) => motion.adoptedOn <= quarterEnd).map((motion) => snapshotMotion(motion, inputs.quarter)),
  };
}

/** One indicator as it stood at `quarterEnd`. */
function snapshotIndicator(id: string, stored: StoredIndicator | undefined, quarterEnd: string): SnapshotIndicator {
  const definition = stored?.definition.indicator;
  const report = stored?.report ?? null;
  const hasEnded = (entry: { readonly period: string }) => periodEnd(entry.period) <= quarterEnd;
  const values: PeriodValue[] = report === null ? [] : report.values.filter(hasEnded).map((value) => ({ period: value.period, value: value.value }));
  const statuses = (stored?.statuses ?? []).filter(hasEnded);
  const latest = values.findLast((value) => value.value !== null) ?? null;
  const targets = definition?.targets ?? {};
  return {
    id,
    title: report?.title ?? definition?.title ?? id,
    unit: report?.unit ?? definition?.unit ?? '',
    decimals: report?.decimals ?? definition?.decimals ?? null,
    direction: definition?.direction ?? 'higher_is_better',
    grain: report?.grain ?? definition?.grain ?? 'quarter',
    isBbv: definition?.bbv ?? false,
    status: latest === null ? 'no_data' : (statuses.find((entry) => entry.period === latest.period)?.status ?? 'no_data'),
    latest,
    target: latest === null ? null : (targets[latest.period.slice(0, 4)] ?? null),
    baseline: report?.baseline ?? null,
    targets,
    values,
    statuses,
    lineage:
      report === null
        ? null
        : {
            sources: report.lineage.sources.map((source) => ({
              sourceId: source.sourceId,
              title: source.title ?? null,
              version: source.version,
              loadedAt: source.loadedAt,
              fileHash: source.fileHash,
              rowCount: source.rowCount,
              files: source.files,
            })),
            sql: report.lineage.sql,
            computedAt: report.lineage.computedAt,
            definitionFile: definition?.file ?? null,
          },
  };
}

/** A motion with, per point, the college's latest response up to `quarter`. */
function snapshotMotion(motion: Motion, quarter: string): SnapshotMotion {
  return {
    id: motion.id,
    kind: motion.kind,
    reference: motion.reference,
    title: motion.title,
    adoptedOn: motion.adoptedOn,
    text: motion.text ?? null,
    points: motion.points.map((point) => {
      const response = motion.responses.findLast((candidate) => candidate.pointNumber === point.number && candidate.quarter <= quarter);
      return {
        number: point.number,
        text: point.text,
        links: point.links,
        status: response?.status ?? 'open',
        response: response?.response ?? null,
        respondedIn: response?.quarter ?? null,
      };
    }),
  };
}

function explanationLookup(explanations: readonly ReportExplanation[]): (kind: ExceptionKind, id: string) => SnapshotExplanation | null {
  const byKey = new Map(explanations.map((explanation) => [`${explanation.itemKind}:${explanation.itemId}`, explanation]));
  return (kind, id) => {
    const found = byKey.get(`${kind}:${id}`);
    return found === undefined
      ? null
      : { cause: found.cause, consequence: found.consequence, correction: found.correction, authorName: found.authorName, writtenAt: found.writtenAt };
  };
}
