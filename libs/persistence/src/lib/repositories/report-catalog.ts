import type { ReportCatalog, ReportCommands, Viewer } from '@koers/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../database';
import { listMotions, saveMotion, saveMotionResponse } from './motion.repository';
import {
  approveReport,
  findReport,
  listExplanations,
  listProgressAsOf,
  listReports,
  openReport,
  publishReport,
  readReportSettings,
  readReportSnapshot,
  saveExplanation,
  saveReportSettings,
  startCorrection,
  withdrawApproval,
} from './report.repository';
import { answerQuestion, askQuestion, listQuestions } from './report-question.repository';

/** What the API reads of reports, motions and questions, on this database. */
export function createReportCatalog(db: Kysely<Database>): ReportCatalog {
  return {
    listReports: (municipalityId) => listReports(db, municipalityId),
    findReport: (municipalityId, quarter) => findReport(db, municipalityId, quarter),
    readSnapshot: (municipalityId, quarter, version) => readReportSnapshot(db, municipalityId, quarter, version),
    listExplanations: (municipalityId, quarter, version) => listExplanations(db, municipalityId, quarter, version),
    listProgressAsOf: (municipalityId, quarter) => listProgressAsOf(db, municipalityId, quarter),
    listMotions: (municipalityId) => listMotions(db, municipalityId),
    listQuestions: (municipalityId, quarter) => listQuestions(db, municipalityId, quarter),
    readSettings: (municipalityId) => readReportSettings(db, municipalityId),
  };
}

/**
 * What the API may change of reports, motions and questions, on this
 * database: each change with its audit record in one transaction, counted in
 * the data version. `onStored` runs after each (the server reads the data
 * version again, so the next read shows the change). `now` is the clock each
 * change is stored at (the demo publishes past quarters at their own dates).
 */
export function createReportCommands(db: Kysely<Database>, onStored: () => Promise<void> = async () => undefined, now: () => Date = () => new Date()): ReportCommands {
  const actor = (viewer: Viewer) => ({ email: viewer.email, name: viewer.name });
  const after = async <T>(result: Promise<T>): Promise<T> => {
    const value = await result;
    await onStored();
    return value;
  };
  return {
    open: (municipalityId, quarter, by) => after(openReport(db, municipalityId, quarter, actor(by), now())),
    saveExplanation: (municipalityId, quarter, item, fields, by) => after(saveExplanation(db, municipalityId, quarter, item, fields, actor(by), now())),
    approve: (municipalityId, quarter, by) => after(approveReport(db, municipalityId, quarter, actor(by), now())),
    withdrawApproval: (municipalityId, quarter, by) => after(withdrawApproval(db, municipalityId, quarter, actor(by), now())),
    publish: (municipalityId, quarter, snapshot, by) => after(publishReport(db, municipalityId, quarter, snapshot, actor(by), now())),
    startCorrection: (municipalityId, quarter, reason, by) => after(startCorrection(db, municipalityId, quarter, reason, actor(by), now())),
    setPublic: (municipalityId, isPublic, by) => after(saveReportSettings(db, municipalityId, { isPublic }, actor(by), now())),
    saveMotion: (municipalityId, motion, by) => after(saveMotion(db, municipalityId, motion, actor(by), now())),
    saveMotionResponse: (municipalityId, response, by) => after(saveMotionResponse(db, municipalityId, response, actor(by), now())),
    askQuestion: (municipalityId, question, by) => after(askQuestion(db, municipalityId, question, actor(by), now())),
    answerQuestion: (municipalityId, questionId, text, by) => after(answerQuestion(db, municipalityId, questionId, text, actor(by), now())),
  };
}
