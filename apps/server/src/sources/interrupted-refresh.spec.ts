import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSourceJob, openDatabase, updateSourceJob } from '@koers/persistence';
import { describe, expect, it } from 'vitest';
import { createKoersServer } from '../koers.server';
import { apiClient, collectingLog, signIn } from '../server.testing';
import { misdrijvenCsv, startSourcesServer } from './sources.testing';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('a refresh the server did not finish (it was killed in the middle)', () => {
  it('puts the workspace file back to the version that serves on the next start, so file and results are one version', async () => {
    const { folder, server, baseUrl, cookie, settings } = await startSourcesServer();
    const workspaceFile = join(folder, 'var/workspaces/uithoorn/data/misdrijven.csv');
    const valuesOf = async (url: string, session: string) =>
      ((await (await fetch(`${url}/api/uithoorn/indicators.json`, { headers: { cookie: session } })).json()) as { indicators: { id: string; values: unknown }[] }).indicators.find(
        (indicator) => indicator.id === 'winkeldiefstallen',
      )?.values;
    let restarted: ReturnType<typeof createKoersServer> | undefined;
    try {
      const serving = `${misdrijvenCsv}2025-05-01,winkeldiefstal,Centrum\n`;
      const answer = await fetch(`${baseUrl}/api/uithoorn/sources/misdrijven/versions`, { method: 'POST', body: serving, headers: { cookie, origin: baseUrl, 'content-type': 'text/csv' } });
      expect(answer.status).toBe(201);
      const servingValues = await valuesOf(baseUrl, cookie);
      await server.close();

      // What a kill -9 during the load leaves: the next file in place, its job at `computing`, the stored results still those of `serving`.
      const placed = `${misdrijvenCsv}2025-06-01,winkeldiefstal,Noord\n2025-06-02,winkeldiefstal,Noord\n`;
      await writeFile(workspaceFile, placed);
      const db = await openDatabase(settings.database);
      const interrupted = await createSourceJob(db, { municipalityId: 'uithoorn', sourceId: 'misdrijven', kind: 'upload', createdBy: 'data@demo.koers.nl', owner: 'een-andere-start', state: 'loading', format: 'csv', sha256: sha256(placed) });
      await updateSourceJob(db, interrupted.id, { state: 'computing' });
      await db.destroy();

      restarted = createKoersServer(settings, collectingLog());
      const again = await restarted.listen();
      await restarted.prepare();
      await restarted.whenComputed();
      const session = await signIn(again, 'data@demo.koers.nl');

      expect(await readFile(workspaceFile, 'utf8')).toBe(serving);
      expect(await valuesOf(again, session)).toEqual(servingValues);
      const job = await apiClient(again, session).sources.job.query({ municipalityId: 'uithoorn', jobId: interrupted.id });
      expect(job.state).toBe('failed');
      expect(job.problem?.message).toContain('de server stopte tijdens deze upload; de vorige versie bleef in gebruik');
      const source = await apiClient(again, session).sources.get.query({ municipalityId: 'uithoorn', sourceId: 'misdrijven' });
      expect(source.serving?.sha256).toBe(sha256(serving));
    } finally {
      await restarted?.close();
      await rm(folder, { recursive: true, force: true });
    }
  }, 240_000);
});
