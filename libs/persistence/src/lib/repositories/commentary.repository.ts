import type { CommentaryEntry, EffectCommentary } from '@koers/domain';
import type { Kysely, Selectable } from 'kysely';
import type { Database, EffectCommentaryTable } from '../database';
import { recordAudit } from './audit-log.repository';
import { bumpDataVersion } from './data-version.repository';

/** Who writes a commentary: the signed-in user's e-mail address and name. */
export interface CommentaryAuthor {
  readonly email: string;
  readonly name: string;
}

/** The current text of every commentary of the municipality: the newest version per effect and quarter. */
export async function listCurrentCommentary(db: Kysely<Database>, municipalityId: string): Promise<EffectCommentary[]> {
  const rows = await db
    .selectFrom('effect_commentary as commentary')
    .selectAll('commentary')
    .where('commentary.municipality_id', '=', municipalityId)
    .where(({ eb, selectFrom }) =>
      eb(
        'commentary.version',
        '=',
        selectFrom('effect_commentary as later')
          .select(({ fn }) => fn.max('later.version').as('version'))
          .whereRef('later.municipality_id', '=', 'commentary.municipality_id')
          .whereRef('later.effect_id', '=', 'commentary.effect_id')
          .whereRef('later.quarter', '=', 'commentary.quarter'),
      ),
    )
    .orderBy('commentary.effect_id')
    .orderBy('commentary.quarter', 'desc')
    .execute();
  return rows.map(toCommentary);
}

/** Every version of one effect's commentary for one quarter, newest first. */
export async function commentaryHistory(db: Kysely<Database>, municipalityId: string, effectId: string, quarter: string): Promise<EffectCommentary[]> {
  const rows = await db
    .selectFrom('effect_commentary')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('effect_id', '=', effectId)
    .where('quarter', '=', quarter)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toCommentary);
}

/**
 * Stores a new version of an effect's commentary for a quarter, with an audit
 * record of the text before and after and a bump of the data version, in one
 * transaction. Earlier versions stay: a row is added, never changed. Two
 * saves at once that both read the same latest version collide on the key,
 * and the second fails without storing anything.
 */
export async function recordCommentary(
  db: Kysely<Database>,
  municipalityId: string,
  entry: CommentaryEntry,
  author: CommentaryAuthor,
  writtenAt: Date = new Date(),
): Promise<EffectCommentary> {
  return db.transaction().execute(async (trx) => {
    const previous = (await commentaryHistory(trx, municipalityId, entry.effectId, entry.quarter))[0];
    const saved: EffectCommentary = {
      effectId: entry.effectId,
      quarter: entry.quarter,
      text: entry.text,
      version: (previous?.version ?? 0) + 1,
      authorEmail: author.email,
      authorName: author.name,
      writtenAt: writtenAt.toISOString(),
    };
    await trx
      .insertInto('effect_commentary')
      .values({
        municipality_id: municipalityId,
        effect_id: saved.effectId,
        quarter: saved.quarter,
        version: saved.version,
        text: saved.text,
        author_email: saved.authorEmail,
        author_name: saved.authorName,
        written_at: saved.writtenAt,
      })
      .execute();
    await recordAudit(trx, {
      actor: author.email,
      municipalityId,
      entity: 'commentary',
      entityId: `${entry.effectId}:${entry.quarter}`,
      action: previous === undefined ? 'write' : 'rewrite',
      before: previous ?? null,
      after: saved,
      occurredAt: writtenAt,
    });
    await bumpDataVersion(trx);
    return saved;
  });
}

function toCommentary(row: Selectable<EffectCommentaryTable>): EffectCommentary {
  return {
    effectId: row.effect_id,
    quarter: row.quarter,
    text: row.text,
    version: Number(row.version),
    authorName: row.author_name,
    authorEmail: row.author_email,
    writtenAt: row.written_at,
  };
}
