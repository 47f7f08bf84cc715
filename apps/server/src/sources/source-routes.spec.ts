import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KoersServer } from '../koers.server';
import { apiClient, signIn } from '../server.testing';
import { bevolkingCsv, misdrijvenCsv, startSourcesServer } from './sources.testing';

const uploadLimit = 256 * 1024;
const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

describe('source uploads over HTTP', () => {
  let folder: string;
  let server: KoersServer;
  let baseUrl: string;
  let cookie: string;
  const workspace = () => join(folder, 'var/workspaces/uithoorn');

  beforeAll(async () => {
    ({ folder, server, baseUrl, cookie } = await startSourcesServer({ uploadLimitBytes: uploadLimit }));
  }, 120_000);

  afterAll(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  const post = (path: string, body: BodyInit, headers: Record<string, string>) => fetch(`${baseUrl}${path}`, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  const asDataTeam = (contentType: string) => ({ cookie, origin: baseUrl, 'content-type': contentType });
  const latest = async () => {
    const json = (await (await fetch(`${baseUrl}/api/uithoorn/indicators.json`, { headers: { cookie } })).json()) as { indicators: { id: string; values: { period: string; value: number }[] }[] };
    return json.indicators.find((indicator) => indicator.id === 'winkeldiefstallen')?.values;
  };

  it('takes a new version as the body: 201 with version, rows and sha256 once loaded and recomputed', async () => {
    expect(await latest()).toEqual([
      { period: '2025-Q1', value: 1.5 },
      { period: '2025-Q2', value: 0.5 },
    ]);
    const next = `${misdrijvenCsv}2025-05-01,winkeldiefstal,Centrum\n2025-06-01,winkeldiefstal,Centrum\n`;
    const response = await post('/api/uithoorn/sources/misdrijven/versions', next, asDataTeam('text/csv'));
    expect(response.status).toBe(201);
    // Version 1 is the workspace's own file, kept before the first upload; this upload is version 2.
    expect(await response.json()).toEqual({ version: 2, rows: 7, sha256: sha256(next) });
    expect(await latest()).toEqual([
      { period: '2025-Q1', value: 1.5 },
      { period: '2025-Q2', value: 1.5 },
    ]);
    expect(await readFile(join(workspace(), 'data/misdrijven.csv'), 'utf8')).toBe(next);
    // Kept outside the workspace, read-only, named by its content.
    expect(await readFile(join(folder, 'var/source-versions/uithoorn/misdrijven', `${sha256(next)}.csv`), 'utf8')).toBe(next);
    expect(await readdir(join(folder, 'var/source-versions/uithoorn/.uploads'))).toEqual([]);
  });

  it('answers 422 naming file, line and column for a malformed CSV, and the previous version keeps serving', async () => {
    const before = await latest();
    const served = await readFile(join(workspace(), 'data/misdrijven.csv'), 'utf8');
    const broken = 'pleegdatum,soort,wijk\n2025-07-01,winkeldiefstal,Centrum\n2025-07-02,winkeldiefstal,Noord,extra\n';
    const response = await post('/api/uithoorn/sources/misdrijven/versions', broken, asDataTeam('text/csv'));
    expect(response.status).toBe(422);
    const answer = (await response.json()) as { error: string; problem: { file: string; line: number } };
    expect(answer.error).toMatch(/^Het bestand laadt niet: data\/misdrijven\.csv:3: .*Expected Number of Columns: 3 Found: 4/);
    expect(answer.problem).toMatchObject({ file: 'data/misdrijven.csv', line: 3 });
    const badValue = await post('/api/uithoorn/sources/misdrijven/versions', 'pleegdatum,soort,wijk\n2025-07-01,winkeldiefstal,Centrum\n2025-13-45,inbraak,Noord\n', asDataTeam('text/csv'));
    expect(badValue.status).toBe(422);
    expect(((await badValue.json()) as { problem: unknown }).problem).toMatchObject({ file: 'data/misdrijven.csv', line: 3, column: 'pleegdatum' });
    expect(await readFile(join(workspace(), 'data/misdrijven.csv'), 'utf8')).toBe(served);
    expect(await latest()).toEqual(before);
  });

  it('refuses a Parquet file sent as CSV, and JSON sent as Parquet, before previewing', async () => {
    const parquet = join(folder, 'misdrijven.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT DATE '2025-08-01' AS pleegdatum, 'winkeldiefstal' AS soort, 'Centrum' AS wijk) TO '${parquet}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const response = await post('/api/uithoorn/sources/misdrijven/versions', new Uint8Array(await readFile(parquet)), asDataTeam('text/csv'));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe(
      'Het bestand is Parquet (het begint met PAR1), maar het is verstuurd als text/csv: stuur het als application/vnd.apache.parquet.',
    );
    const asParquet = await post('/api/uithoorn/sources/misdrijven/versions', new Uint8Array(await readFile(parquet)), asDataTeam('application/vnd.apache.parquet'));
    expect(asParquet.status).toBe(415);
    expect(((await asParquet.json()) as { error: string }).error).toMatch(/^Bron "misdrijven" leest csv/);
  });

  it('answers 413 past the limit, whether the length is declared or streamed, and leaves no partial file', async () => {
    const big = `${misdrijvenCsv}${'2025-05-01,winkeldiefstal,Centrum\n'.repeat(uploadLimit / 30)}`;
    const declared = await post('/api/uithoorn/sources/misdrijven/versions', big, asDataTeam('text/csv'));
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: string }).error).toMatch(/groter dan de grens voor een upload van 262144 bytes \(KOERS_UPLOAD_LIMIT\)/);
    const encoder = new TextEncoder();
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let chunk = 0; chunk < 40; chunk += 1) controller.enqueue(encoder.encode(big.slice(chunk * 10_000, (chunk + 1) * 10_000)));
        controller.close();
      },
    });
    const chunked = await post('/api/uithoorn/sources/misdrijven/versions', streamed, asDataTeam('text/csv')).catch((error: unknown) => error);
    // The server answers and closes while the client may still be sending: either it reads the 413, or the socket closes under it.
    if (chunked instanceof Response) expect(chunked.status).toBe(413);
    await expect.poll(() => readdir(join(folder, 'var/source-versions/uithoorn/.uploads'))).toEqual([]);
  });

  it('takes the multipart field file, never using its name, and refuses a name with ../', async () => {
    const form = (name: string, content: string) => {
      const data = new FormData();
      data.append('file', new Blob([content], { type: 'text/csv' }), name);
      return data;
    };
    const evil = await post('/api/uithoorn/sources/misdrijven/versions', form('../../../etc/cron.d/koers.csv', misdrijvenCsv), { cookie, origin: baseUrl });
    expect(evil.status).toBe(400);
    expect(((await evil.json()) as { error: string }).error).toMatch(/^De bestandsnaam "..\/..\/..\/etc\/cron.d\/koers.csv" bevat een map/);
    const ok = await post('/api/uithoorn/sources/misdrijven/versions', form('misdrijven (2).csv', misdrijvenCsv), { cookie, origin: baseUrl });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ sha256: sha256(misdrijvenCsv), rows: 5 });
    expect(await readdir(join(folder, 'var/source-versions/uithoorn/misdrijven'))).not.toContain('misdrijven (2).csv');
    const badId = await post('/api/uithoorn/sources/..%2F..%2Fetc/versions', misdrijvenCsv, asDataTeam('text/csv'));
    expect(badId.status).toBe(400);
  });

  it('refuses a new version that drops a column an indicator reads, and the old results keep serving', async () => {
    const before = await latest();
    const response = await post('/api/uithoorn/sources/bevolking/versions', 'peildatum,wijk,aantal\n2025-01-01,Centrum,1000\n', asDataTeam('text/csv'));
    expect(response.status).toBe(422);
    const answer = (await response.json()) as { error: string; problem: { column: string } };
    expect(answer.error).toContain('indicator "winkeldiefstallen" leest kolom "inwoners" (per.measure)');
    expect(answer.problem.column).toBe('inwoners');
    expect(await readFile(join(workspace(), 'data/bevolking.csv'), 'utf8')).toBe(bevolkingCsv);
    expect(await latest()).toEqual(before);
  });

  it('answers 401 without a session or token, 403 without a grant, 403 for a cross-site post, 404 for an unknown source', async () => {
    expect((await post('/api/uithoorn/sources/misdrijven/versions', misdrijvenCsv, { 'content-type': 'text/csv', 'x-koers-request': '1' })).status).toBe(401);
    const council = await signIn(baseUrl, 'raad@demo.koers.nl');
    expect((await post('/api/uithoorn/sources/misdrijven/versions', misdrijvenCsv, { cookie: council, origin: baseUrl, 'content-type': 'text/csv' })).status).toBe(403);
    expect((await post('/api/uithoorn/sources/misdrijven/versions', misdrijvenCsv, { cookie, origin: 'https://elders.example', 'content-type': 'text/csv' })).status).toBe(403);
    const unknown = await post('/api/uithoorn/sources/onbekend/versions', misdrijvenCsv, asDataTeam('text/csv'));
    expect(unknown.status).toBe(404);
    expect((await post('/api/uithoorn/sources/misdrijven/versions', misdrijvenCsv, asDataTeam('text/plain'))).status).toBe(415);
  });

  it('takes a personal API token instead of a session (no Origin needed), with the grants of its user now, and 401 once revoked', async () => {
    const created = await apiClient(baseUrl, cookie).tokens.create.mutate({ name: 'Nachtelijke import' });
    expect(created.secret).toMatch(/^koers_[A-Za-z0-9_-]{43}$/);
    const withToken = (secret: string) => ({ authorization: `Bearer ${secret}`, 'content-type': 'text/csv' });
    const response = await post('/api/uithoorn/sources/misdrijven/versions', bevolkingCsv.replace('peildatum,wijk,inwoners', 'x'), withToken(created.secret));
    expect(response.status).toBe(422);
    const ok = await post('/api/uithoorn/sources/misdrijven/versions', misdrijvenCsv.replace('inbraak', 'fietsdiefstal'), withToken(created.secret));
    expect(ok.status).toBe(201);
    const listed = await apiClient(baseUrl, cookie).tokens.list.query();
    expect(listed[0]).toMatchObject({ id: created.token.id, lastUsedAt: expect.any(String), revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    await apiClient(baseUrl, cookie).tokens.revoke.mutate({ tokenId: created.token.id });
    const revoked = await post('/api/uithoorn/sources/misdrijven/versions', misdrijvenCsv, withToken(created.secret));
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as { error: string }).error).toMatch(/onbekend of ingetrokken/);
    expect((await post('/api/uithoorn/sources/misdrijven/versions', misdrijvenCsv, withToken('koers_verzonnen'))).status).toBe(401);
    const council = await signIn(baseUrl, 'raad@demo.koers.nl');
    await expect(apiClient(baseUrl, council).tokens.create.mutate({ name: 'x' })).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
  });
});
