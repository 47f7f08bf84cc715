import { appRouter, createCallerFactory } from '@koers/api';
import { periodEnd, quarterOf, quarterOfPeriod, type ReportException, shiftQuarter, type StoredIndicator, type Viewer } from '@koers/domain';
import { type AppDatabase, createKoersCatalog, createReportCatalog, createReportCommands, findUserByEmail, listMunicipalities, saveProgressUpdates } from '@koers/persistence';
import type { DemoLog } from './demo-import';
import { diemenMotion, diemenMotionResponseQuarter, diemenMotionResponses } from './demo-motions';
import { demoProgressFor } from './demo-progress';

/** How many past quarters the demo publishes per municipality. */
export const demoReportCount = 4;
/** The municipalities whose demo reports are public (Wet open overheid). */
export const publicDemoMunicipalities: readonly string[] = ['uithoorn'];
/** Who drafts, explains, approves and publishes the demo reports. */
const demoCollegeEmail = 'college@demo.koers.nl';
/** How long after the end of its quarter a demo report is published. */
const publishedAfterDays = 21;

/**
 * The quarters the demo reports on: the last {@link demoReportCount} up to the
 * quarter of the latest period with a value, so every report shows figures,
 * oldest first. None without stored values.
 */
export function demoReportQuarters(indicators: readonly StoredIndicator[]): string[] {
  const periods = indicators.flatMap((stored) => (stored.report?.values ?? []).filter((value) => value.value !== null).map((value) => value.period));
  if (periods.length === 0) return [];
  const latest = periods.map(quarterOfPeriod).sort().at(-1) as string;
  return Array.from({ length: demoReportCount }, (_, index) => shiftQuarter(latest, index - demoReportCount + 1));
}

/** When the demo report of `quarter` is published: three weeks after its end, at ten in the morning (UTC). */
export function demoPublicationDate(quarter: string): Date {
  const end = new Date(`${periodEnd(quarter)}T10:00:00.000Z`);
  return new Date(end.getTime() + publishedAfterDays * 86_400_000);
}

/**
 * Publishes the demo's reports of past quarters, from the stored results as
 * they are, through the same procedures and rules the college uses: per
 * municipality that has no report yet, the last {@link demoReportCount}
 * quarters with data are opened, their exceptions explained, approved and
 * published, each at its own date (a period that had not ended by a quarter's
 * end is left out of that quarter's report, as always). Before that, Diemen's
 * council motion (seed 004) is stored as a motion with its seven points, and
 * the team leads' progress of those quarters. Reports of
 * {@link publicDemoMunicipalities} are made public. Runs after the first
 * computations; a municipality without results is left for the next start.
 */
export async function publishDemoReports(db: AppDatabase, log: DemoLog, now = new Date()): Promise<void> {
  const credentials = await findUserByEmail(db, demoCollegeEmail);
  if (credentials === undefined) return log.warn(`Geen demorapportages: de demogebruiker ${demoCollegeEmail} bestaat niet.`);
  const { user } = credentials;
  const viewer: Viewer = { userId: user.id, name: user.name, email: user.email, grants: user.grants };
  const catalog = createKoersCatalog(db);
  const reports = createReportCatalog(db);
  const as = (at: Date) => callerAt(db, viewer, at);

  for (const municipality of await listMunicipalities(db)) {
    if ((await reports.listReports(municipality.id)).length > 0) continue;
    if (municipality.id === 'diemen' && (await reports.listMotions('diemen')).every((motion) => motion.id !== diemenMotion.id)) await storeDiemenMotion(as);
    const quarters = demoReportQuarters(await catalog.listIndicators(municipality.id));
    if (quarters.length === 0) {
      log.info(`${municipality.name}: nog geen demorapportages: er zijn nog geen berekende waarden.`);
      continue;
    }
    await saveProgressUpdates(db, earlierProgress(municipality.id, await catalog.listPrograms(municipality.id), quarters, now));
    for (const quarter of quarters) {
      const caller = as(demoPublicationDate(quarter));
      await caller.reports.open({ municipalityId: municipality.id, quarter });
      const draft = await caller.reports.get({ municipalityId: municipality.id, quarter });
      for (const exception of draft.exceptions) {
        await caller.reports.explain({ municipalityId: municipality.id, quarter, item: { kind: exception.kind, id: exception.id }, fields: demoExplanation(exception, quarter) });
      }
      await caller.reports.approve({ municipalityId: municipality.id, quarter });
      await caller.reports.publish({ municipalityId: municipality.id, quarter });
    }
    const isPublic = publicDemoMunicipalities.includes(municipality.id);
    if (isPublic) await as(demoPublicationDate(quarters.at(-1) as string)).reports.setPublic({ municipalityId: municipality.id, isPublic: true });
    log.info(`${municipality.name}: kwartaalrapportages ${quarters.join(', ')} gepubliceerd${isPublic ? ' en openbaar' : ''}.`);
  }
}

/** The API as the demo's college member, with the clock at `at`: each change is stored and audited at that date. */
function callerAt(db: AppDatabase, viewer: Viewer, at: Date) {
  return createCallerFactory(appRouter)({
    catalog: createKoersCatalog(db),
    reports: createReportCatalog(db),
    reportCommands: createReportCommands(db, async () => undefined, () => at),
    viewer,
    mode: 'demo',
    now: () => at,
  });
}

async function storeDiemenMotion(as: (at: Date) => ReturnType<typeof callerAt>): Promise<void> {
  await as(new Date(`${diemenMotion.adoptedOn}T20:00:00.000Z`)).motions.save({ municipalityId: 'diemen', motion: diemenMotion });
  const respondedAt = new Date(`${periodEnd(diemenMotionResponseQuarter)}T10:00:00.000Z`);
  for (const response of diemenMotionResponses) {
    await as(respondedAt).motions.respond({ municipalityId: 'diemen', response: { motionId: diemenMotion.id, quarter: diemenMotionResponseQuarter, ...response } });
  }
}

/**
 * The team leads' progress in the reported quarters that the demo import's
 * own progress (the current quarter and the one before) does not cover.
 */
function earlierProgress(municipalityId: string, programs: Parameters<typeof demoProgressFor>[1], quarters: readonly string[], now: Date) {
  const covered = shiftQuarter(quarterOf(now), -1);
  const wanted = new Set(quarters.filter((quarter) => quarter < covered));
  // demoProgressFor writes a quarter and the one before it: ask for every second quarter.
  const asOf = [...wanted].filter((_, index, all) => index % 2 === 1 || index === all.length - 1).map((quarter) => new Date(`${periodEnd(quarter)}T12:00:00.000Z`));
  return asOf.flatMap((date) => demoProgressFor(municipalityId, programs, date, 'teamlead@demo.koers.nl')).filter((update) => wanted.has(update.quarter));
}

/** The college's explanation of an exception in the demo (fictitious, like every demo figure). */
function demoExplanation(exception: ReportException, quarter: string) {
  if (exception.kind === 'action') {
    return {
      cause: `De actie loopt achter op de planning (${exception.reason}); het team had minder capaciteit dan gepland.`,
      consequence: 'De einddatum van de actie schuift mogelijk op, en daarmee de bijdrage aan het effect.',
      correction: 'Het team stelt een nieuwe planning op; de portefeuillehouder bespreekt die maandelijks met de teamleider.',
    };
  }
  return {
    cause: `Bij het ${quarter.slice(6)}e kwartaal van ${quarter.slice(0, 4)}: ${exception.reason}. De ontwikkeling volgt de regionale trend.`,
    consequence: `Zonder bijsturing wordt de streefwaarde van ${quarter.slice(0, 4)} voor dit effect niet gehaald.`,
    correction: 'Het college zet extra in op de acties van dit effect en rapporteert in de volgende kwartaalrapportage over het resultaat.',
  };
}
