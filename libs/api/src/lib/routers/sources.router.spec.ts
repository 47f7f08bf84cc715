import { describe, expect, it } from 'vitest';
import { InMemoryApiTokens, InMemorySources, samplePreview, sampleViewer } from '../../testing/index';
import { sampleCaller } from './router.testing';

function dataTeamCaller() {
  const sources = new InMemorySources();
  const apiTokens = new InMemoryApiTokens();
  const { caller } = sampleCaller({ viewer: sampleViewer('data_team'), sources, sourceCommands: sources, apiTokens });
  return { caller, sources };
}

describe('the sources router', () => {
  it('lists the sources with the indicators that read them and what serves', async () => {
    const { caller } = dataTeamCaller();
    const sources = await caller.sources.list({ municipalityId: 'uithoorn' });
    expect(sources.map((source) => [source.id, source.usedBy.map((use) => use.indicatorId), source.serving?.version ?? null, source.canUpload])).toEqual([
      ['bevolking', ['winkeldiefstallen'], null, true],
      ['misdrijven', ['vernielingen', 'winkeldiefstallen'], 2, true],
      ['oud-archief', [], null, false],
    ]);
    expect(sources[0]).not.toHaveProperty('versions');
  });

  it('answers NOT_FOUND in Dutch for a source or job that is not there, and for an unknown municipality', async () => {
    const { caller } = dataTeamCaller();
    await expect(caller.sources.get({ municipalityId: 'uithoorn', sourceId: 'bestaat-niet' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Bron "bestaat-niet" bestaat niet in deze gemeente.' });
    await expect(caller.sources.job({ municipalityId: 'uithoorn', jobId: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.sources.list({ municipalityId: 'amsterdam' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller.sources.get({ municipalityId: 'uithoorn', sourceId: '../etc' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('publishes a previewed upload: the job passes loading and computing to done, and the new version serves', async () => {
    const { caller } = dataTeamCaller();
    const job = await caller.sources.publish({ municipalityId: 'uithoorn', jobId: 'upload-misdrijven' });
    expect(job.state).toBe('loading');
    const states = [];
    for (let poll = 0; poll < 3; poll += 1) states.push((await caller.sources.job({ municipalityId: 'uithoorn', jobId: job.id })).state);
    expect(states).toEqual(['computing', 'done', 'done']);
    const source = await caller.sources.get({ municipalityId: 'uithoorn', sourceId: 'misdrijven' });
    expect(source.versions.map((version) => [version.version, version.isServing])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
    await expect(caller.sources.publish({ municipalityId: 'uithoorn', jobId: 'upload-misdrijven' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses to publish an upload whose preview found a problem (its job ended failed, as the server leaves it)', async () => {
    const { caller, sources } = dataTeamCaller();
    const upload = sources.addUpload('uithoorn', { sourceId: 'misdrijven', preview: samplePreview({ rowCount: null, problem: { file: 'data/misdrijven.csv', line: 3, message: 'Expected Number of Columns: 3 Found: 4' } }) });
    expect(upload).toMatchObject({ state: 'failed', problem: { line: 3 } });
    await expect(caller.sources.publish({ municipalityId: 'uithoorn', jobId: upload.id })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('mislukt') });
  });

  it('declares a new source from a previewed upload, refusing an id that exists (named as the field)', async () => {
    const { caller } = dataTeamCaller();
    const input = { municipalityId: 'uithoorn', jobId: 'upload-nieuw', title: 'Misdrijven', columns: { pleegdatum: 'date' as const } };
    await expect(caller.sources.create({ ...input, sourceId: 'misdrijven' })).rejects.toMatchObject({ code: 'CONFLICT', message: 'sourceId: er is al een bron "misdrijven": kies een ander id' });
    await expect(caller.sources.create({ ...input, sourceId: 'Nieuw!' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.sources.create({ ...input, sourceId: 'meldingen', columns: { datum: 'week' as never } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const job = await caller.sources.create({ ...input, sourceId: 'meldingen' });
    expect(job).toMatchObject({ kind: 'new_source', sourceId: 'meldingen', state: 'loading' });
    expect((await caller.sources.list({ municipalityId: 'uithoorn' })).map((source) => source.id)).toContain('meldingen');
  });

  it('rolls back to a kept version, and refuses one that is not kept', async () => {
    const { caller } = dataTeamCaller();
    await expect(caller.sources.rollback({ municipalityId: 'uithoorn', sourceId: 'misdrijven', version: 9 })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'version: bron "misdrijven" heeft geen versie 9' });
    const job = await caller.sources.rollback({ municipalityId: 'uithoorn', sourceId: 'misdrijven', version: 1 });
    await caller.sources.job({ municipalityId: 'uithoorn', jobId: job.id });
    await caller.sources.job({ municipalityId: 'uithoorn', jobId: job.id });
    const source = await caller.sources.get({ municipalityId: 'uithoorn', sourceId: 'misdrijven' });
    expect(source.versions.find((version) => version.isServing)?.version).toBe(1);
  });

  it('refuses to delete a source while an indicator reads it, naming the indicators', async () => {
    const { caller } = dataTeamCaller();
    await expect(caller.sources.delete({ municipalityId: 'uithoorn', sourceId: 'misdrijven' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'bron "misdrijven" wordt gebruikt door indicator "vernielingen", indicator "winkeldiefstallen": pas die eerst aan',
    });
    expect(await caller.sources.delete({ municipalityId: 'uithoorn', sourceId: 'oud-archief' })).toEqual({ isDeleted: true });
  });

  it('answers METHOD_NOT_SUPPORTED where the installation has no sources port', async () => {
    const { caller } = sampleCaller({ viewer: sampleViewer('data_team') });
    await expect(caller.sources.list({ municipalityId: 'uithoorn' })).rejects.toMatchObject({ code: 'METHOD_NOT_SUPPORTED' });
    await expect(caller.tokens.list()).rejects.toMatchObject({ code: 'METHOD_NOT_SUPPORTED' });
  });
});

describe('the tokens router', () => {
  it('creates a token whose secret is shown once, lists it without its secret, and revokes only the viewer’s own', async () => {
    const { caller } = dataTeamCaller();
    const created = await caller.tokens.create({ name: '  Nachtelijke import  ' });
    expect(created.secret).toMatch(/^koers_/);
    expect(created.token.name).toBe('Nachtelijke import');
    const listed = await caller.tokens.list();
    expect(listed.map((token) => token.id)).toEqual([created.token.id, 'token-1']);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(await caller.tokens.revoke({ tokenId: created.token.id })).toEqual({ isRevoked: true });
    await expect(caller.tokens.revoke({ tokenId: created.token.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.tokens.create({ name: ' ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
