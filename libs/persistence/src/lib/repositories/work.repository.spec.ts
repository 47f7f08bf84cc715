import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../testing/index';
import { listAudit } from './audit-log.repository';
import { commentaryHistory, listCurrentCommentary, recordCommentary } from './commentary.repository';
import { readDataVersion } from './data-version.repository';
import { listLatestProgress, listProgressUpdates, recordProgressReport, saveProgressUpdates } from './progress.repository';
import { listTeamLeads, setGrantScope } from './team-grant.repository';
import { findUserById, saveUsers } from './user.repository';
import { createWorkCatalog } from './work-catalog';

describe.each(databaseKinds)('team grants, progress reports and commentary on %s', (kind) => {
  let testDatabase: TestDatabase;

  beforeEach(async () => {
    testDatabase = await openTestDatabase(kind, inject('postgresUrl'));
  });
  afterEach(() => testDatabase.remove());

  it("keeps a team lead's team and a college member's portfolio on their grants, and lists the team leads of a municipality", async () => {
    const { db } = testDatabase;
    await saveUsers(db, [
      {
        id: 'bram',
        name: 'Bram Teamleider',
        email: 'bram@uithoorn.nl',
        grants: [
          { municipalityId: 'uithoorn', role: 'team_lead', team: 'Team Wonen' },
          { municipalityId: 'diemen', role: 'team_lead', team: 'Team Vastgoed (Duo+)' },
        ],
      },
      { id: 'anna', name: 'Anna Wethouder', email: 'anna@uithoorn.nl', grants: [{ municipalityId: 'uithoorn', role: 'college', portfolio: ['wethouder Wonen en Ruimte'] }] },
      { id: 'carla', name: 'Carla Burgemeester', email: 'carla@uithoorn.nl', grants: [{ municipalityId: 'uithoorn', role: 'college' }] },
      { id: 'dirk', name: 'Dirk zonder team', email: 'dirk@uithoorn.nl', grants: [{ municipalityId: 'uithoorn', role: 'team_lead' }] },
    ]);

    expect((await findUserById(db, 'bram'))?.grants).toEqual([
      { municipalityId: 'diemen', role: 'team_lead', team: 'Team Vastgoed (Duo+)' },
      { municipalityId: 'uithoorn', role: 'team_lead', team: 'Team Wonen' },
    ]);
    expect((await findUserById(db, 'anna'))?.grants).toEqual([{ municipalityId: 'uithoorn', role: 'college', portfolio: ['wethouder Wonen en Ruimte'] }]);
    // No portfolio: every portfolio of the municipality; the grant says nothing more.
    expect((await findUserById(db, 'carla'))?.grants).toEqual([{ municipalityId: 'uithoorn', role: 'college' }]);
    expect(await listTeamLeads(db, 'uithoorn')).toEqual([{ name: 'Bram Teamleider', email: 'bram@uithoorn.nl', team: 'Team Wonen' }]);

    expect(await setGrantScope(db, { userId: 'dirk', municipalityId: 'uithoorn', role: 'team_lead' }, { team: 'Team Economische Zaken' })).toBe(true);
    expect(await setGrantScope(db, { userId: 'dirk', municipalityId: 'diemen', role: 'team_lead' }, { team: 'Team Wonen' })).toBe(false);
    expect(await setGrantScope(db, { userId: 'anna', municipalityId: 'uithoorn', role: 'college' }, { portfolio: null })).toBe(true);
    expect(await listTeamLeads(db, 'uithoorn')).toEqual([
      { name: 'Dirk zonder team', email: 'dirk@uithoorn.nl', team: 'Team Economische Zaken' },
      { name: 'Bram Teamleider', email: 'bram@uithoorn.nl', team: 'Team Wonen' },
    ]);
    expect((await findUserById(db, 'anna'))?.grants).toEqual([{ municipalityId: 'uithoorn', role: 'college' }]);
  });

  it('stores a report per action and quarter, replaces it on a second report, and audits both with before and after', async () => {
    const { db } = testDatabase;
    await saveProgressUpdates(db, [
      { municipalityId: 'uithoorn', actionId: 'woningbouw', quarter: '2026-Q3', status: 'on_schedule', percent: 40, comment: 'Loopt.', author: 'demo', recordedAt: '2026-08-10T09:00:00.000Z' },
    ]);
    const versionBefore = await readDataVersion(db);

    const first = await recordProgressReport(
      db,
      'uithoorn',
      { actionId: 'woningbouw', quarter: '2026-Q4', status: 'delayed', percent: 45, comment: 'Vergunning loopt uit.' },
      'bram@uithoorn.nl',
      new Date('2026-11-02T10:00:00Z'),
    );
    expect(first).toEqual({
      actionId: 'woningbouw',
      quarter: '2026-Q4',
      status: 'delayed',
      percent: 45,
      comment: 'Vergunning loopt uit.',
      author: 'bram@uithoorn.nl',
      recordedAt: '2026-11-02T10:00:00.000Z',
    });
    await recordProgressReport(
      db,
      'uithoorn',
      { actionId: 'woningbouw', quarter: '2026-Q4', status: 'on_schedule', percent: 55, comment: 'Vergunning verleend.' },
      'bram@uithoorn.nl',
      new Date('2026-11-20T10:00:00Z'),
    );

    expect(await readDataVersion(db)).toBe(versionBefore + 2);
    expect((await listProgressUpdates(db, 'uithoorn')).map((update) => [update.quarter, update.status, update.percent, update.author])).toEqual([
      ['2026-Q3', 'on_schedule', 40, 'demo'],
      ['2026-Q4', 'on_schedule', 55, 'bram@uithoorn.nl'],
    ]);
    expect((await listLatestProgress(db, 'uithoorn'))[0]?.comment).toBe('Vergunning verleend.');
    expect(await listProgressUpdates(db, 'diemen')).toEqual([]);

    const audit = await listAudit(db, 'progress', 'woningbouw:2026-Q4');
    expect(audit.map((record) => [record.actor, record.action, (record.before as { percent?: number } | null)?.percent ?? null, (record.after as { percent: number }).percent])).toEqual([
      ['bram@uithoorn.nl', 'report', null, 45],
      ['bram@uithoorn.nl', 'update', 45, 55],
    ]);
    expect(audit[1]?.municipalityId).toBe('uithoorn');
  });

  it('keeps every version of a commentary, lists the current one per effect and quarter, and audits each save', async () => {
    const { db } = testDatabase;
    const anna = { email: 'anna@uithoorn.nl', name: 'Anna Wethouder' };
    const versionBefore = await readDataVersion(db);
    await recordCommentary(db, 'uithoorn', { effectId: 'veilig-wonen', quarter: '2026-Q3', text: 'Eerste toelichting.' }, anna, new Date('2026-10-01T08:00:00Z'));
    await recordCommentary(db, 'uithoorn', { effectId: 'veilig-wonen', quarter: '2026-Q4', text: 'Meer inbraken in de wijk Centrum.' }, anna, new Date('2026-11-03T08:00:00Z'));
    const rewritten = await recordCommentary(
      db,
      'uithoorn',
      { effectId: 'veilig-wonen', quarter: '2026-Q4', text: 'Meer inbraken in Centrum; de extra surveillance loopt sinds oktober.' },
      { email: 'carla@uithoorn.nl', name: 'Carla Burgemeester' },
      new Date('2026-11-04T08:00:00Z'),
    );
    await recordCommentary(db, 'diemen', { effectId: 'veilig-wonen', quarter: '2026-Q4', text: 'Diemen.' }, anna);

    expect(rewritten).toMatchObject({ version: 2, authorName: 'Carla Burgemeester', writtenAt: '2026-11-04T08:00:00.000Z' });
    expect(await readDataVersion(db)).toBe(versionBefore + 4);
    expect((await listCurrentCommentary(db, 'uithoorn')).map((entry) => [entry.effectId, entry.quarter, entry.version, entry.text])).toEqual([
      ['veilig-wonen', '2026-Q4', 2, 'Meer inbraken in Centrum; de extra surveillance loopt sinds oktober.'],
      ['veilig-wonen', '2026-Q3', 1, 'Eerste toelichting.'],
    ]);
    expect((await commentaryHistory(db, 'uithoorn', 'veilig-wonen', '2026-Q4')).map((entry) => [entry.version, entry.authorEmail])).toEqual([
      [2, 'carla@uithoorn.nl'],
      [1, 'anna@uithoorn.nl'],
    ]);
    const audit = await listAudit(db, 'commentary', 'veilig-wonen:2026-Q4');
    expect(audit.filter((record) => record.municipalityId === 'uithoorn').map((record) => [record.action, (record.before as { text?: string } | null)?.text ?? null])).toEqual([
      ['write', null],
      ['rewrite', 'Meer inbraken in de wijk Centrum.'],
    ]);
  });

  it('reads all of it through the work catalog', async () => {
    const { db } = testDatabase;
    await saveUsers(db, [{ id: 'bram', name: 'Bram', email: 'bram@uithoorn.nl', grants: [{ municipalityId: 'uithoorn', role: 'team_lead', team: 'Team Wonen' }] }]);
    await recordProgressReport(db, 'uithoorn', { actionId: 'woningbouw', quarter: '2026-Q4', status: 'done', percent: 100, comment: '' }, 'bram@uithoorn.nl');
    await recordCommentary(db, 'uithoorn', { effectId: 'veilig-wonen', quarter: '2026-Q4', text: 'Toelichting.' }, { email: 'anna@uithoorn.nl', name: 'Anna' });
    const catalog = createWorkCatalog(db);

    expect((await catalog.listProgressUpdates('uithoorn')).map((update) => update.status)).toEqual(['done']);
    expect((await catalog.listCommentary('uithoorn')).map((entry) => entry.text)).toEqual(['Toelichting.']);
    expect((await catalog.commentaryHistory('uithoorn', 'veilig-wonen', '2026-Q4')).map((entry) => entry.version)).toEqual([1]);
    expect((await catalog.listTeamLeads('uithoorn')).map((lead) => lead.team)).toEqual(['Team Wonen']);
  });
});
