import type { CatalogContents } from '../../testing/in-memory-catalog';
import { InMemoryCatalog } from '../../testing/in-memory-catalog';
import { InMemoryWork, inMemoryWorkPorts, sampleTeamLeads } from '../../testing/in-memory-work';
import { sampleCatalogContents, sampleTeam, sampleViewer, uithoornGovernance } from '../../testing/sample-catalog';
import type { Role, Viewer } from '@koers/domain';
import { appRouter } from '../app.router';
import { createCallerFactory } from '../trpc';
import { testNow } from '../routers/router.testing';

/**
 * The sample installation with one more action in Uithoorn's governance
 * program, owned by another team than the sample team lead's, and without a
 * report this quarter.
 */
export function workContents(): CatalogContents {
  const contents = sampleCatalogContents();
  const governance = {
    ...uithoornGovernance,
    tasks: uithoornGovernance.tasks.map((task) =>
      task.id === 'organisatie'
        ? {
            ...task,
            actions: [
              { id: 'ontwikkelprogramma', title: 'Ontwikkelprogramma medewerkers', kind: 'new' as const, priority: 'basis' as const, owner: 'Team HRM', start: '2026-01-01', due: '2026-12-31' },
              { id: 'nieuwe-huisstijl', title: 'Nieuwe huisstijl', kind: 'new' as const, priority: 'new_policy' as const, owner: sampleTeam, start: '2026-07-01', due: '2027-06-30' },
            ],
          }
        : task,
    ),
  };
  return { ...contents, programs: { ...contents.programs, uithoorn: [governance, ...(contents.programs?.['uithoorn'] ?? []).slice(1)] } };
}


/**
 * The real router over the work contents, seen by `viewer` (a role in every
 * sample municipality, or a viewer given whole). Pass `sharing` another
 * caller's result to see the same installation as someone else.
 */
export function workCaller(
  viewer: Role | Viewer | null,
  options: { readonly contents?: CatalogContents; readonly withoutPorts?: boolean; readonly sharing?: { readonly catalog: InMemoryCatalog; readonly work: InMemoryWork } } = {},
) {
  const catalog = options.sharing?.catalog ?? new InMemoryCatalog(options.contents ?? workContents());
  const work = options.sharing?.work ?? new InMemoryWork(catalog, { teamLeads: sampleTeamLeads, now: () => testNow });
  const caller = createCallerFactory(appRouter)({
    catalog,
    mode: 'demo',
    viewer: typeof viewer === 'string' ? sampleViewer(viewer) : viewer,
    now: () => testNow,
    reportInternalError: (_errorId, error) => {
      throw error;
    },
    ...(options.withoutPorts ? {} : inMemoryWorkPorts(work)),
  });
  return { caller, catalog, work };
}
