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
  // Sources and the data team's API tokens: the data team, and admins.
  'sources.list': { kind: 'municipality', roles: ['admin', 'data_team'] },
  'sources.get': { kind: 'municipality', roles: ['admin', 'data_team'] },
  'sources.job': { kind: 'municipality', roles: ['admin', 'data_team'] },
  'sources.publish': { kind: 'municipality', roles: ['admin', 'data_team'] },
  'sources.create': { kind: 'municipality', roles: ['admin', 'data_team'] },
  'sources.rollback': { kind: 'municipality', roles: ['admin', 'data_team'] },
  'sources.delete': { kind: 'municipality', roles: ['admin', 'data_team'] },
  'sources.discard': { kind: 'municipality', roles: ['admin', 'data_team'] },
  'tokens.list': { kind: 'own_municipalities', roles: ['admin', 'data_team'] },
  'tokens.create': { kind: 'own_municipalities', roles: ['admin', 'data_team'] },
  'tokens.revoke': { kind: 'own_municipalities', roles: ['admin', 'data_team'] },
  'indicatorEditor.choices': { kind: 'municipality', roles: ['admin', 'data_team'] },
  'indicatorEditor.read': { kind: 'municipality', roles: ['admin', 'data_team'] },
  'indicatorEditor.dryRun': { kind: 'municipality', roles: ['admin', 'data_team'] },
  'indicatorEditor.save': { kind: 'municipality', roles: ['admin', 'data_team'] },
  'indicatorEditor.link': { kind: 'municipality', roles: ['admin', 'data_team'] },
  'GET /api/:municipalityId/definitions.zip': { kind: 'municipality', roles: ['admin', 'data_team'] },
  'POST /api/:municipalityId/definitions.zip': { kind: 'municipality', roles: ['admin', 'data_team'] },
  // The work of issue 8: programs edited by the college and admins, progress by team leads (their own team's actions,
  // checked in the procedure), commentary by the college (its portfolio, checked in the procedure) and read by everyone
  // who reads the program, the council too; a personal to-do for every role.
  'programEditor.get': { kind: 'municipality', roles: ['admin', 'college'] },
  'programEditor.save': { kind: 'municipality', roles: ['admin', 'college'] },
  'progress.board': { kind: 'municipality', roles: readers },
  'progress.save': { kind: 'municipality', roles: ['team_lead'] },
  'commentary.board': { kind: 'municipality', roles: anyRole },
  'commentary.history': { kind: 'municipality', roles: anyRole },
  'commentary.save': { kind: 'municipality', roles: ['college'] },
  'todo.list': { kind: 'municipality', roles: anyRole },
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
  // Uploads: with the session cookie (under the CSRF rule) or a personal API token of the user.
  'POST /api/:municipalityId/uploads': { kind: 'municipality', roles: ['admin', 'data_team'] },
  'POST /api/:municipalityId/sources/:sourceId/versions': { kind: 'municipality', roles: ['admin', 'data_team'] },
};
