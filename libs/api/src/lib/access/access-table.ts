import { type Access, anyRole, readers } from './access';
import { questionAskers, reportManagers, reportReaders } from '../reports/report-access';

/**
 * Which role may call which procedure: the one table the server enforces
 * (`authorize` in ../trpc.ts) and `access-table.spec.ts` walks, procedure by
 * procedure, role by role, in the user's own municipality and in another. A
 * procedure missing from this table cannot be called by anyone, and fails
 * that test.
 */
export const accessTable: Readonly<Record<string, Access>> = {
  'system.info': { kind: 'public' },
  'session.me': { kind: 'public' },
  'municipalities.list': { kind: 'own_municipalities', roles: anyRole },
  'overview.get': { kind: 'municipality', roles: readers },
  'programs.list': { kind: 'municipality', roles: readers },
  'programs.get': { kind: 'municipality', roles: readers },
  'indicators.get': { kind: 'municipality', roles: readers },
  'indicators.compare': { kind: 'own_municipalities', roles: readers },
  'indicators.comparable': { kind: 'own_municipalities', roles: readers },
  'computations.list': { kind: 'municipality', roles: ['admin', 'data_team'] },
  'computations.run': { kind: 'municipality', roles: ['admin', 'data_team'] },
  'audit.list': { kind: 'municipality', roles: ['admin'] },
  // The quarterly reports: the council reads published ones and asks; the college drafts, explains, approves, publishes and answers.
  'reports.list': { kind: 'municipality', roles: reportReaders },
  'reports.get': { kind: 'municipality', roles: reportReaders },
  'reports.search': { kind: 'municipality', roles: reportReaders },
  'reports.open': { kind: 'municipality', roles: reportManagers },
  'reports.explain': { kind: 'municipality', roles: reportManagers },
  'reports.approve': { kind: 'municipality', roles: reportManagers },
  'reports.withdrawApproval': { kind: 'municipality', roles: reportManagers },
  'reports.publish': { kind: 'municipality', roles: reportManagers },
  'reports.correct': { kind: 'municipality', roles: reportManagers },
  'reports.setPublic': { kind: 'municipality', roles: reportManagers },
  'motions.list': { kind: 'municipality', roles: reportReaders },
  'motions.save': { kind: 'municipality', roles: reportManagers },
  'motions.respond': { kind: 'municipality', roles: reportManagers },
  'questions.ask': { kind: 'municipality', roles: questionAskers },
  'questions.answer': { kind: 'municipality', roles: reportManagers },
  'GET /api/:municipalityId/reports/:quarter.:format': { kind: 'municipality', roles: reportReaders },
  'GET /public/:municipalityId/reports.json': { kind: 'public' },
  'GET /public/:municipalityId/reports/:quarter': { kind: 'public' },
  // The plain exports over HTTP follow the same rules as the procedures behind the same figures.
  'GET /api/:municipalityId/indicators.json': { kind: 'municipality', roles: readers },
  'GET /api/:municipalityId/indicators/:indicatorId.csv': { kind: 'municipality', roles: readers },
};
