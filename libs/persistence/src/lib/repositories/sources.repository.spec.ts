import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../testing/index';
import { createApiToken, findActiveApiToken, listApiTokens, revokeApiToken, touchApiToken } from './api-token.repository';
import { listAudit } from './audit-log.repository';
import { createSourceJob, failStaleSourceJobs, findSourceJob, listSourceJobs, updateSourceJob } from './source-job.repository';
import { findSourceVersion, listMunicipalitySourceVersions, listSourceVersions, recordSourceVersion } from './source-version.repository';

const version = {
  municipalityId: 'uithoorn',
  sourceId: 'misdrijven',
  sha256: 'a'.repeat(64),
  rowCount: 1200,
  sizeBytes: 4_000_000_000,
  format: 'csv' as const,
  keptFile: `misdrijven/${'a'.repeat(64)}.csv`,
  uploadedBy: 'data@uithoorn.nl',
};

describe.each(databaseKinds)('source versions, source jobs and API tokens on %s', (kind) => {
  let testDatabase: TestDatabase;
  beforeEach(async () => {
    testDatabase = await openTestDatabase(kind, inject('postgresUrl'));
  });
  afterEach(() => testDatabase.remove());

  it('keeps versions numbered per source, newest first, each with its audit entry', async () => {
    const { db } = testDatabase;
    const first = await recordSourceVersion(db, { ...version, uploadedBy: 'werkmap', rowCount: null, uploadedAt: new Date('2026-01-01T10:00:00Z') });
    const second = await recordSourceVersion(db, { ...version, sha256: 'b'.repeat(64), jobId: 'job-1' });
    await recordSourceVersion(db, { ...version, sourceId: 'bevolking' });
    expect(first).toEqual({ ...version, uploadedBy: 'werkmap', rowCount: null, version: 1, uploadedAt: '2026-01-01T10:00:00.000Z', jobId: null });
    expect(second).toMatchObject({ version: 2, sha256: 'b'.repeat(64), sizeBytes: 4_000_000_000, jobId: 'job-1' });
    expect((await listSourceVersions(db, 'uithoorn', 'misdrijven')).map((kept) => kept.version)).toEqual([2, 1]);
    expect((await listMunicipalitySourceVersions(db, 'uithoorn')).map((kept) => `${kept.sourceId}:${kept.version}`)).toEqual(['bevolking:1', 'misdrijven:2', 'misdrijven:1']);
    expect(await findSourceVersion(db, 'uithoorn', 'misdrijven', 2)).toEqual(second);
    expect(await findSourceVersion(db, 'hilversum', 'misdrijven', 2)).toBeUndefined();
    expect((await listAudit(db, 'source', 'misdrijven')).map((entry) => [entry.actor, entry.action, (entry.after as { version: number }).version])).toEqual([
      ['werkmap', 'keep_version', 1],
      ['data@uithoorn.nl', 'keep_version', 2],
    ]);
  });

  it('gives two versions kept at once the next numbers, not one', async () => {
    const { db } = testDatabase;
    const kept = await Promise.all([recordSourceVersion(db, version), recordSourceVersion(db, { ...version, sha256: 'c'.repeat(64) })]);
    expect(kept.map((one) => one.version).sort()).toEqual([1, 2]);
  });

  it('moves a job through its steps, each with its time, and keeps what each step found', async () => {
    const { db } = testDatabase;
    const job = await createSourceJob(db, { municipalityId: 'uithoorn', sourceId: 'misdrijven', kind: 'upload', createdBy: 'data@uithoorn.nl', owner: 'host:1', at: new Date('2026-01-01T10:00:00Z') });
    expect(job).toMatchObject({ state: 'received', steps: [{ state: 'received', at: '2026-01-01T10:00:00.000Z' }], preview: null, problem: null });
    const preview = { format: 'csv' as const, columns: [], missingColumns: [], rows: [['2025-01-01', 3]], rowCount: 1, problem: null };
    await updateSourceJob(db, job.id, { state: 'previewing', sha256: 'a'.repeat(64), sizeBytes: 12, format: 'csv', uploadFile: '.uploads/x.csv' }, new Date('2026-01-01T10:00:01Z'));
    const previewed = await updateSourceJob(db, job.id, { state: 'previewed', preview }, new Date('2026-01-01T10:00:02Z'));
    expect(previewed).toMatchObject({ state: 'previewed', preview, sha256: 'a'.repeat(64), sizeBytes: 12, uploadFile: '.uploads/x.csv', updatedAt: '2026-01-01T10:00:02.000Z' });
    expect(previewed?.steps.map((step) => step.state)).toEqual(['received', 'previewing', 'previewed']);
    const failed = await updateSourceJob(db, job.id, { state: 'failed', problem: { file: 'data/misdrijven.csv', line: 3, message: 'kapot' }, uploadFile: null });
    expect(failed).toMatchObject({ state: 'failed', problem: { file: 'data/misdrijven.csv', line: 3, message: 'kapot' }, uploadFile: null });
    expect(await findSourceJob(db, 'uithoorn', job.id)).toEqual(failed);
    expect(await findSourceJob(db, 'hilversum', job.id)).toBeUndefined();
    expect(await updateSourceJob(db, 'bestaat-niet', { state: 'done' })).toBeUndefined();
  });

  it('lists jobs newest first, per source, and fails those a stopped server left at work', async () => {
    const { db } = testDatabase;
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
    const working = await createSourceJob(db, { municipalityId: 'uithoorn', sourceId: 'misdrijven', kind: 'upload', createdBy: 'a', owner: null, at: at(0), state: 'computing' });
    const waiting = await createSourceJob(db, { municipalityId: 'uithoorn', sourceId: null, kind: 'new_source', createdBy: 'a', owner: null, at: at(1), state: 'previewed', uploadFile: '.uploads/y.csv' });
    const done = await createSourceJob(db, { municipalityId: 'uithoorn', sourceId: 'bevolking', kind: 'rollback', createdBy: 'a', owner: null, at: at(2), state: 'done' });
    expect((await listSourceJobs(db, 'uithoorn')).map((job) => job.id)).toEqual([done.id, waiting.id, working.id]);
    expect((await listSourceJobs(db, 'uithoorn', { sourceId: 'misdrijven' })).map((job) => job.id)).toEqual([working.id]);

    const failed = await failStaleSourceJobs(db, { updatedBefore: at(5), previewedBefore: at(0), message: 'de server stopte', expiredMessage: 'verlopen' });
    expect(failed.map((job) => [job.id, job.state, job.problem?.message])).toEqual([[working.id, 'failed', 'de server stopte']]);
    const expired = await failStaleSourceJobs(db, { updatedBefore: at(0), previewedBefore: at(5), message: 'x', expiredMessage: 'verlopen' });
    expect(expired.map((job) => [job.id, job.problem?.message, job.uploadFile])).toEqual([[waiting.id, 'verlopen', '.uploads/y.csv']]);
    expect((await findSourceJob(db, 'uithoorn', done.id))?.state).toBe('done');
  });

  it('keeps tokens by hash: found while active, listed for their owner only, revoked by their owner only', async () => {
    const { db } = testDatabase;
    const created = await createApiToken(db, { id: 't1', userId: 'data', name: 'Nachtelijke import', prefix: 'koers_AbCd', tokenHash: 'h1', createdAt: new Date('2026-01-01T10:00:00Z'), actor: 'data@uithoorn.nl' });
    await createApiToken(db, { id: 't2', userId: 'data', name: 'Tweede', prefix: 'koers_EfGh', tokenHash: 'h2', createdAt: new Date('2026-01-02T10:00:00Z'), actor: 'data@uithoorn.nl' });
    await createApiToken(db, { id: 't3', userId: 'anna', name: 'Van Anna', prefix: 'koers_IjKl', tokenHash: 'h3', createdAt: new Date('2026-01-03T10:00:00Z'), actor: 'anna@uithoorn.nl' });
    expect(created).toEqual({ id: 't1', name: 'Nachtelijke import', prefix: 'koers_AbCd', createdAt: '2026-01-01T10:00:00.000Z', lastUsedAt: null, revokedAt: null });
    expect(await findActiveApiToken(db, 'h1')).toEqual({ id: 't1', userId: 'data' });
    expect(await findActiveApiToken(db, 'onbekend')).toBeUndefined();
    await touchApiToken(db, 't1', new Date('2026-01-05T10:00:00Z'));
    expect((await listApiTokens(db, 'data')).map((token) => [token.id, token.lastUsedAt])).toEqual([
      ['t2', null],
      ['t1', '2026-01-05T10:00:00.000Z'],
    ]);

    expect(await revokeApiToken(db, { id: 't3', userId: 'data', at: new Date(), actor: 'data@uithoorn.nl' })).toBe(false);
    expect(await revokeApiToken(db, { id: 't1', userId: 'data', at: new Date('2026-01-06T10:00:00Z'), actor: 'data@uithoorn.nl' })).toBe(true);
    expect(await revokeApiToken(db, { id: 't1', userId: 'data', at: new Date(), actor: 'data@uithoorn.nl' })).toBe(false);
    expect(await findActiveApiToken(db, 'h1')).toBeUndefined();
    expect(await findActiveApiToken(db, 'h3')).toEqual({ id: 't3', userId: 'anna' });
    expect((await listApiTokens(db, 'data')).find((token) => token.id === 't1')?.revokedAt).toBe('2026-01-06T10:00:00.000Z');
    expect((await listAudit(db, 'api_token', 't1')).map((entry) => entry.action)).toEqual(['create', 'revoke']);
  });
});
