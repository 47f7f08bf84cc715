import { createHash } from 'node:crypto';
import { type Action, type ProgressStatus, quarterOf, shiftQuarter } from '@koers/domain';
import type { NewProgressUpdate } from '@koers/persistence';

/** What team leads write, per status, in the demo (fictitious, like every demo figure). */
const demoComments: Readonly<Record<ProgressStatus, readonly string[]>> = {
  not_started: ['Start is doorgeschoven naar het volgende kwartaal.', 'Wacht op het besluit van het college.'],
  on_schedule: ['Loopt volgens planning.', 'Eerste resultaten zijn met de portefeuillehouder besproken.', 'Op schema; volgende stap is de evaluatie.'],
  delayed: ['Vertraagd door capaciteitstekort in het team.', 'Vertraagd: de aanbesteding duurt langer dan gepland.'],
  done: ['Afgerond en geëvalueerd.', 'Opgeleverd en overgedragen aan de lijn.'],
  cancelled: ['Geschrapt bij de voorjaarsnota.'],
};

/**
 * Progress updates for the demo, for the quarter before `now`'s and, for
 * three in four actions, `now`'s own (the rest stand out as not yet reported,
 * as they would in a real quarter). Deterministic per action and quarter, so
 * every fresh demo shows the same picture. Actions not started by a quarter's
 * end get nothing for it; those due before it are done.
 */
export function demoProgressFor(municipalityId: string, programs: readonly { readonly tasks: readonly { readonly actions: readonly Action[] }[] }[], now: Date, author: string): NewProgressUpdate[] {
  const current = quarterOf(now);
  const quarters = [shiftQuarter(current, -1), current];
  return programs.flatMap((program) =>
    program.tasks.flatMap((task) =>
      task.actions.flatMap((action) =>
        quarters.flatMap((quarter) => {
          const update = demoUpdate(action, quarter, quarter === current);
          return update === null ? [] : [{ municipalityId, author, ...update }];
        }),
      ),
    ),
  );
}

function demoUpdate(action: Action, quarter: string, isCurrent: boolean) {
  const { start: quarterStart, end: quarterEnd } = quarterBounds(quarter);
  if (action.start !== undefined && action.start > quarterEnd) return null;
  const roll = draw(`${action.id}:${quarter}`);
  if (isCurrent && draw(`${action.id}:reported`) < 0.25) return null;
  let status: ProgressStatus;
  if (action.due !== undefined && action.due < quarterStart) status = 'done';
  else if (action.kind === 'regular') status = roll < 0.85 ? 'on_schedule' : 'delayed';
  else status = roll < 0.65 ? 'on_schedule' : roll < 0.9 ? 'delayed' : 'not_started';
  const percent = status === 'done' ? 100 : status === 'not_started' ? 0 : percentDone(action, quarterEnd, status === 'delayed');
  const comments = demoComments[status];
  return {
    actionId: action.id,
    quarter,
    status,
    percent,
    comment: comments[Math.floor(draw(`${action.id}:${quarter}:comment`) * comments.length)] ?? '',
    // Reported in the quarter's second month, on a working day.
    recordedAt: `${quarterStart.slice(0, 5)}${String(Number(quarterStart.slice(5, 7)) + 1).padStart(2, '0')}-1${Math.floor(roll * 9)}T09:00:00.000Z`,
  };
}

/** How far along an action is at `date` by its start and due dates, less when delayed; rounded to 5%. */
function percentDone(action: Action, date: string, isDelayed: boolean): number {
  if (action.start === undefined || action.due === undefined) return isDelayed ? 30 : 50;
  const elapsed = (Date.parse(date) - Date.parse(action.start)) / Math.max(1, Date.parse(action.due) - Date.parse(action.start));
  const share = Math.min(0.95, Math.max(0.05, elapsed * (isDelayed ? 0.6 : 1)));
  return Math.round((share * 100) / 5) * 5;
}

function quarterBounds(quarter: string): { start: string; end: string } {
  const year = Number(quarter.slice(0, 4));
  const firstMonth = (Number(quarter.slice(6)) - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, firstMonth + 2, 0)).getUTCDate();
  return {
    start: `${year}-${String(firstMonth).padStart(2, '0')}-01`,
    end: `${year}-${String(firstMonth + 2).padStart(2, '0')}-${lastDay}`,
  };
}

/** A number in [0, 1) from a text, the same every time. */
function draw(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;
}
