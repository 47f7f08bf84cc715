import { InMemoryCatalog, sampleCatalogContents, sampleViewer } from '../../testing/index';
import { appRouter } from '../app.router';
import type { ApiContext } from '../context';
import { createCallerFactory } from '../trpc';

/** The clock the router tests read: the last day of November 2026, so "this quarter" is 2026-Q4. */
export const testNow = new Date('2026-11-30T12:00:00Z');

/**
 * The real appRouter over the sample installation in memory, seen by a member
 * of the college of every sample municipality, with what it reported as internal errors.
 */
export function sampleCaller(overrides: Partial<ApiContext> = {}) {
  const catalog = new InMemoryCatalog(sampleCatalogContents());
  const reported: { errorId: string; error: unknown }[] = [];
  const caller = createCallerFactory(appRouter)({
    catalog,
    mode: 'demo',
    viewer: sampleViewer('college'),
    now: () => testNow,
    reportInternalError: (errorId, error) => reported.push({ errorId, error }),
    ...overrides,
  });
  return { caller, catalog, reported };
}
