import { randomUUID } from 'node:crypto';
import type { QuestionItem, QuestionItemKind, ReportChangeResult, ReportQuestion } from '@koers/domain';
import type { Kysely, Selectable } from 'kysely';
import type { Database, ReportQuestionTable } from '../database';
import { recordAudit } from './audit-log.repository';
import { bumpDataVersion } from './data-version.repository';
import type { ReportActor } from './report.repository';

/** The questions on a quarter's report, oldest first. */
export async function listQuestions(db: Kysely<Database>, municipalityId: string, quarter: string): Promise<ReportQuestion[]> {
  const rows = await db
    .selectFrom('report_questions')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('quarter', '=', quarter)
    .orderBy('asked_at')
    .orderBy('id')
    .execute();
  return rows.map(toQuestion);
}

/** Records a council member's question on an item of a quarter's report. */
export async function askQuestion(
  db: Kysely<Database>,
  municipalityId: string,
  question: { readonly quarter: string; readonly item: QuestionItem; readonly itemTitle: string; readonly text: string },
  by: ReportActor,
  at = new Date(),
): Promise<ReportQuestion> {
  const row: ReportQuestionTable = {
    id: randomUUID(),
    municipality_id: municipalityId,
    quarter: question.quarter,
    item_kind: question.item.kind,
    item_id: question.item.id,
    item_title: question.itemTitle,
    question: question.text,
    asked_by_email: by.email,
    asked_by_name: by.name,
    asked_at: at.toISOString(),
    answer: null,
    answered_by_email: null,
    answered_by_name: null,
    answered_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('report_questions').values(row).execute();
    await recordAudit(trx, {
      actor: by.email,
      municipalityId,
      entity: 'report_question',
      entityId: row.id,
      action: 'ask',
      before: null,
      after: { quarter: row.quarter, item: question.item, question: row.question },
      occurredAt: at,
    });
    await bumpDataVersion(trx);
  });
  return toQuestion(row);
}

/** The college's answer to a question (a second answer replaces the first, both in the audit trail). */
export async function answerQuestion(
  db: Kysely<Database>,
  municipalityId: string,
  questionId: string,
  text: string,
  by: ReportActor,
  at = new Date(),
): Promise<ReportChangeResult<ReportQuestion>> {
  const existing = await db.selectFrom('report_questions').selectAll().where('id', '=', questionId).where('municipality_id', '=', municipalityId).executeTakeFirst();
  if (existing === undefined) return { status: 'refused', message: 'Deze vraag bestaat niet (meer) in deze gemeente.' };
  const answer = { answer: text, answered_by_email: by.email, answered_by_name: by.name, answered_at: at.toISOString() };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('report_questions').set(answer).where('id', '=', questionId).execute();
    await recordAudit(trx, {
      actor: by.email,
      municipalityId,
      entity: 'report_question',
      entityId: questionId,
      action: 'answer',
      before: { answer: existing.answer },
      after: { answer: text },
      occurredAt: at,
    });
    await bumpDataVersion(trx);
  });
  return { status: 'done', value: toQuestion({ ...existing, ...answer }) };
}

function toQuestion(row: Selectable<ReportQuestionTable>): ReportQuestion {
  return {
    id: row.id,
    quarter: row.quarter,
    // Only askQuestion writes this column, from a checked QuestionItem.
    itemKind: row.item_kind as QuestionItemKind,
    itemId: row.item_id,
    itemTitle: row.item_title,
    question: row.question,
    askedBy: row.asked_by_name,
    askedAt: row.asked_at,
    answer:
      row.answer === null || row.answered_at === null
        ? null
        : { text: row.answer, answeredBy: row.answered_by_name ?? row.answered_by_email ?? '', answeredAt: row.answered_at },
  };
}
