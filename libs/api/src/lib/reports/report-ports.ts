import type { ReportCatalog, ReportChangeResult, ReportCommands, Viewer } from '@koers/domain';
import { TRPCError } from '@trpc/server';
import type { ApiContext } from '../context';

/** The reports the context reads, or METHOD_NOT_SUPPORTED where the server gives none. */
export function requireReports(ctx: ApiContext): ReportCatalog {
  if (ctx.reports === undefined) throw new TRPCError({ code: 'METHOD_NOT_SUPPORTED', message: 'Deze installatie houdt geen kwartaalrapportages bij.' });
  return ctx.reports;
}

/** What the context may change of reports, or METHOD_NOT_SUPPORTED. */
export function requireReportCommands(ctx: ApiContext): ReportCommands {
  if (ctx.reportCommands === undefined) throw new TRPCError({ code: 'METHOD_NOT_SUPPORTED', message: 'In deze installatie kunnen rapportages niet worden gewijzigd.' });
  return ctx.reportCommands;
}

/** The value of a change, or CONFLICT with why it was refused (the report stands elsewhere than the change expects). */
export function doneOrConflict<T>(result: ReportChangeResult<T>): T {
  if (result.status === 'refused') throw new TRPCError({ code: 'CONFLICT', message: result.message });
  return result.value;
}

/** Who is signed in: the access middleware of every report procedure has made sure someone is. */
export function viewerOf(ctx: ApiContext): Viewer {
  return ctx.viewer as Viewer;
}
