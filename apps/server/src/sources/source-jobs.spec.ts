import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceJob } from '@koers/domain';
import { loadWorkspace } from '@koers/workspace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KoersServer } from '../koers.server';
import { apiClient, signIn } from '../server.testing';
import { misdrijvenCsv, startSourcesServer } from './sources.testing';

describe('sources through the dashboard: upload with preview, publish, rollback, new source, delete', () => {
  let folder: string;
  let server: KoersServer;
  let baseUrl: string;
  let cookie: string;
  const api = () => apiClient(baseUrl, cookie);
  const workspace = () => join(folder, 'var/workspaces/uithoorn');

  beforeAll(async () => {
    ({ folder, server, baseUrl, cookie } = await startSourcesServer());
  }, 120_000);

  afterAll(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  const upload = async (content: string, source?: string) => {
    const response = await fetch(`${baseUrl}/api/uithoorn/uploads${source === undefined ? '' : `?source=${source}`}`, {
      method: 'POST',
      body: content,
      headers: { cookie, origin: baseUrl, 'content-type': 'text/csv' },
    });
    return { status: response.status, ...((await response.json()) as { job: SourceJob; error?: string }) };
  };
  const finished = async (jobId: string) => {
    const seen: string[] = [];
    for (;;) {
      const job = await api().sources.job.query({ municipalityId: 'uithoorn', jobId });
      if (seen.at(-1) !== job.state) seen.push(job.state);
      if (job.state === 'done' || job.state === 'failed') return { job, seen };
      await new Promise((wait) => setTimeout(wait, 100));
    }
  };
  const values = async () => (await api().indicators.get.query({ municipalityId: 'uithoorn', indicatorId: 'winkeldiefstallen' })).series.map((point) => point.value);

  it('previews an upload (columns against the declared ones, first rows, row count) before anything serves', async () => {
    const next = `${misdrijvenCsv}2025-05-01,winkeldiefstal,Centrum\n`;
    const { status, job } = await upload(next, 'misdrijven');
    expect(status).toBe(201);
    expect(job).toMatchObject({ kind: 'upload', sourceId: 'misdrijven', state: 'previewed', format: 'csv', sizeBytes: next.length });
    expect(job.steps.map((step) => step.state)).toEqual(['received', 'previewing', 'previewed']);
    expect(job.preview).toMatchObject({
      columns: [
        { name: 'pleegdatum', detectedType: 'DATE', declaredType: 'date' },
        { name: 'soort', detectedType: 'VARCHAR', declaredType: 'varchar' },
        { name: 'wijk', detectedType: 'VARCHAR', declaredType: 'varchar' },
      ],
      rows: expect.arrayContaining([['2025-01-10', 'winkeldiefstal', 'Centrum']]),
      rowCount: 6,
      problem: null,
    });
    expect(await readFile(join(workspace(), 'data/misdrijven.csv'), 'utf8')).toBe(misdrijvenCsv);

    const published = await api().sources.publish.mutate({ municipalityId: 'uithoorn', jobId: job.id });
    expect(published.state).toBe('loading');
    const { job: done, seen } = await finished(job.id);
    expect(done).toMatchObject({ state: 'done', version: 2, rowCount: 6, problem: null });
    expect(done.steps.map((step) => step.state)).toEqual(['received', 'previewing', 'previewed', 'loading', 'computing', 'done']);
    expect(seen.at(-1)).toBe('done');
    expect(await values()).toEqual([1.5, 1]);
    await expect(api().sources.publish.mutate({ municipalityId: 'uithoorn', jobId: job.id })).rejects.toMatchObject({ data: { code: 'CONFLICT' } });
  });

  it('keeps the history (who, when, sha256, rows, size) and rolls back to an earlier version', async () => {
    const source = await api().sources.get.query({ municipalityId: 'uithoorn', sourceId: 'misdrijven' });
    expect(source.usedBy).toEqual([{ indicatorId: 'winkeldiefstallen', title: 'Winkeldiefstallen per 1.000 inwoners', as: ['source'] }]);
    expect(source.versions.map((version) => [version.version, version.uploadedBy, version.rowCount, version.isServing])).toEqual([
      [2, 'data@demo.koers.nl', 6, true],
      [1, 'werkmap', null, false],
    ]);
    expect(source.serving).toMatchObject({ version: 2, rowCount: 6 });
    const rollback = await api().sources.rollback.mutate({ municipalityId: 'uithoorn', sourceId: 'misdrijven', version: 1 });
    const { job } = await finished(rollback.id);
    expect(job).toMatchObject({ kind: 'rollback', state: 'done', version: 1, rowCount: 5 });
    expect(await readFile(join(workspace(), 'data/misdrijven.csv'), 'utf8')).toBe(misdrijvenCsv);
    expect(await values()).toEqual([1.5, 0.5]);
    const after = await api().sources.get.query({ municipalityId: 'uithoorn', sourceId: 'misdrijven' });
    expect(after.versions.map((version) => [version.version, version.isServing])).toEqual([
      [2, false],
      [1, true],
    ]);
  });

  it('fails an upload that does not load, with the preview and its problem, and publishing it is refused', async () => {
    const { status, job, error } = await upload('pleegdatum,soort,wijk\n2025-07-01,winkeldiefstal\n', 'misdrijven');
    expect(status).toBe(422);
    expect(error).toMatch(/^data\/misdrijven\.csv:2: /);
    expect(job).toMatchObject({ state: 'failed', problem: { file: 'data/misdrijven.csv', line: 2 } });
    await expect(api().sources.publish.mutate({ municipalityId: 'uithoorn', jobId: job.id })).rejects.toMatchObject({ data: { code: 'CONFLICT' } });
  });

  it('declares a new source from a preview: sources/<id>.yaml in the workspace format, its data file, computed', async () => {
    const meldingen = 'datum,categorie,afgehandeld\n2025-01-02,zwerfafval,true\n2025-02-03,verlichting,false\n';
    const { job } = await upload(meldingen);
    expect(job).toMatchObject({ kind: 'new_source', sourceId: null, state: 'previewed' });
    expect(job.preview?.columns.map((column) => [column.name, column.suggestedType, column.declaredType])).toEqual([
      ['datum', 'date', null],
      ['categorie', 'varchar', null],
      ['afgehandeld', 'boolean', null],
    ]);
    const input = { municipalityId: 'uithoorn', jobId: job.id, sourceId: 'meldingen', title: 'Meldingen openbare ruimte', owner: 'Team Beheer' };
    await expect(api().sources.create.mutate({ ...input, sourceId: 'misdrijven', columns: { datum: 'date' } })).rejects.toMatchObject({ message: 'sourceId: er is al een bron "misdrijven": kies een ander id' });
    await expect(api().sources.create.mutate({ ...input, columns: { datum: 'date', onbekend: 'varchar' } })).rejects.toMatchObject({ message: expect.stringMatching(/^columns: "onbekend" is geen kolom van het bestand/) });
    await expect(api().sources.create.mutate({ ...input, columns: { categorie: 'integer' } })).rejects.toMatchObject({ message: expect.stringMatching(/^columns: met deze kolomtypen laadt het bestand niet: data\/meldingen\.csv:2: column "categorie"/) });
    const created = await api().sources.create.mutate({ ...input, columns: { datum: 'date', categorie: 'varchar', afgehandeld: 'boolean' } });
    const { job: done } = await finished(created.id);
    expect(done).toMatchObject({ state: 'done', sourceId: 'meldingen', version: 1, rowCount: 2 });
    expect(await readFile(join(workspace(), 'sources/meldingen.yaml'), 'utf8')).toBe(
      '# Aangemaakt in Koers (Bronnen, Nieuwe bron).\ntitle: Meldingen openbare ruimte\npath: data/meldingen.csv\nformat: csv\nowner: Team Beheer\ncolumns:\n  datum: date\n  categorie: varchar\n  afgehandeld: boolean\n',
    );
    expect(await readFile(join(workspace(), 'data/meldingen.csv'), 'utf8')).toBe(meldingen);
    const { problems, workspace: read } = await loadWorkspace(workspace());
    expect(problems).toEqual([]);
    expect(read.sources.map((source) => source.id)).toEqual(['bevolking', 'meldingen', 'misdrijven']);
    expect((await api().sources.list.query({ municipalityId: 'uithoorn' })).find((source) => source.id === 'meldingen')).toMatchObject({ serving: { version: 1, rowCount: 2 }, usedBy: [] });
  });

  it('refuses to delete a source an indicator reads; deletes one no indicator reads, keeping its versions', async () => {
    await expect(api().sources.delete.mutate({ municipalityId: 'uithoorn', sourceId: 'bevolking' })).rejects.toMatchObject({
      data: { code: 'CONFLICT' },
      message: 'bron "bevolking" wordt gebruikt door indicator "winkeldiefstallen": pas die eerst aan',
    });
    await api().sources.delete.mutate({ municipalityId: 'uithoorn', sourceId: 'meldingen' });
    await expect(stat(join(workspace(), 'sources/meldingen.yaml'))).rejects.toThrow();
    await expect(stat(join(workspace(), 'data/meldingen.csv'))).rejects.toThrow();
    expect((await api().sources.list.query({ municipalityId: 'uithoorn' })).map((source) => source.id)).toEqual(['bevolking', 'misdrijven']);
    const audit = await apiClient(baseUrl, await signIn(baseUrl, 'admin@demo.koers.nl')).audit.list.query({ municipalityId: 'uithoorn', entity: 'source' });
    expect(audit.map((entry) => `${entry.entityId} ${entry.action}`)).toEqual(
      expect.arrayContaining(['meldingen delete', 'meldingen create', 'misdrijven rollback', 'misdrijven publish', 'misdrijven keep_version']),
    );
  });
});
