import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { IndicatorDraft } from '@koers/domain';
import { loadWorkspace, readWorkspaceFolder, readWorkspaceZip } from '@koers/workspace';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { createKoersServer, type KoersServer } from '../koers.server';
import { repositoryRoot } from '../server.env';
import { apiClient, collectingLog, signIn, testSettings } from '../server.testing';

const draft: IndicatorDraft = {
  id: 'fietsendiefstallen',
  title: 'Fietsendiefstallen',
  unit: 'aantal',
  direction: 'lower_is_better',
  grain: 'year',
  source: 'misdrijven',
  time: 'pleegdatum',
  measure: 'count(*)',
  filter: "soort = 'fietsdiefstal'",
  dimensions: ['wijk'],
  targets: [{ year: '2026', value: 40 }],
};

/** The real `koers` command, as `npx koers` runs it. */
function runKoers(args: readonly string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((done) => {
    execFile('node', [join(repositoryRoot, 'bin/koers.mjs'), ...args], { timeout: 120_000 }, (error, stdout) => done({ code: error ? Number(error.code ?? 1) : 0, stdout }));
  });
}

/** A zip of these entries, written by yazl (a link is an entry whose mode says so). */
async function zipOf(entries: readonly { name: string; data: string; mode?: number }[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) zip.addBuffer(Buffer.from(entry.data), entry.name, entry.mode === undefined ? {} : { mode: entry.mode });
  zip.end();
  return buffer(zip.outputStream as NodeJS.ReadableStream);
}

/** Unpacks the definition files of a zip, and its data entries, into `folder` (the zip reader refuses anything hostile first). */
async function unpack(zip: Buffer, folder: string): Promise<void> {
  const read = await readWorkspaceZip(zip, { maxTotalBytes: 64 * 1024 * 1024 });
  expect(read.problems).toEqual([]);
  for (const file of read.files) {
    await mkdir(dirname(join(folder, file.path)), { recursive: true });
    await writeFile(join(folder, file.path), file.text);
  }
}

describe('the indicator editor on a running server', { timeout: 180_000 }, () => {
  let folder: string;
  let server: KoersServer;
  let baseUrl: string;
  let cookie: string;
  const log = collectingLog();
  const api = () => apiClient(baseUrl, cookie);
  const workspace = () => join(folder, 'var/workspaces/uithoorn');

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'koers-editor-'));
    await cp(join(repositoryRoot, 'data/demo/uithoorn'), join(folder, 'demo/uithoorn'), { recursive: true });
    await mkdir(join(folder, 'dashboard'), { recursive: true });
    await writeFile(join(folder, 'dashboard/index.html'), '<!doctype html><html lang="nl"><body></body></html>');
    // Beside the other suites on two cores a first computation can take minutes: it must not fail for time.
    server = createKoersServer(testSettings(folder, { computation: { ...testSettings(folder).computation, timeoutMs: 600_000 } }), log);
    baseUrl = await server.listen();
    await server.prepare();
    await server.whenComputed();
    cookie = await signIn(baseUrl, 'data@demo.koers.nl');
    const [first] = await api().computations.list.query({ municipalityId: 'uithoorn', limit: 1 });
    expect(first, log.lines.join('\n')).toMatchObject({ status: 'succeeded' });
  }, 600_000);

  afterAll(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('offers the sources with the columns the computation loaded, and the effects', async () => {
    const choices = await api().indicatorEditor.choices.query({ municipalityId: 'uithoorn' });
    expect(choices.sources.find((source) => source.id === 'misdrijven')?.columns).toEqual([
      { name: 'pleegdatum', type: 'DATE' },
      { name: 'soort', type: 'VARCHAR' },
      { name: 'wijk', type: 'VARCHAR' },
    ]);
    expect(choices.effects).toContainEqual(expect.objectContaining({ programId: 'veiligheid', effectId: 'minder-criminaliteit' }));
  });

  it('refuses a measure that reads a file or runs a statement, with the message beside the field, and writes nothing', async () => {
    for (const measure of ["count(*) + len(read_csv('/etc/passwd'))", 'count(*); DROP TABLE x', "COPY (SELECT 1) TO '/tmp/x.csv'"]) {
      const outcome = await api().indicatorEditor.dryRun.mutate({ municipalityId: 'uithoorn', draft: { ...draft, measure }, isNew: true });
      expect(outcome.report).toBeNull();
      expect(outcome.problems).toEqual([expect.objectContaining({ field: 'measure', hint: expect.stringContaining('niet toegestaan') })]);
    }
    const saved = await api().indicatorEditor.save.mutate({ municipalityId: 'uithoorn', draft: { ...draft, measure: "len(read_csv('/etc/passwd'))" }, isNew: true, baseVersion: null });
    expect(saved).toEqual({ kind: 'refused', problems: [expect.objectContaining({ field: 'measure' })] });
    await expect(readFile(join(workspace(), 'indicators/fietsendiefstallen.yaml'))).rejects.toThrow(/ENOENT/);
  });

  it('names an unknown column and a bad target year in Dutch beside their fields', async () => {
    const unknown = await api().indicatorEditor.dryRun.mutate({ municipalityId: 'uithoorn', draft: { ...draft, filter: "sort = 'fiets'" }, isNew: true });
    expect(unknown.problems).toEqual([expect.objectContaining({ field: 'filter', hint: 'Deze kolom bestaat niet in bron "misdrijven". Kies uit: pleegdatum, soort, wijk.' })]);
    const year = await api().indicatorEditor.dryRun.mutate({ municipalityId: 'uithoorn', draft: { ...draft, targets: [{ year: '26', value: 40 }] }, isNew: true });
    expect(year.problems).toEqual([expect.objectContaining({ field: 'targets.26', hint: expect.stringContaining('kalenderjaar') })]);
  });

  it('saves a new indicator after a dry run, linked to an effect, recomputes just it, and shows its values', async () => {
    const before = await api().indicators.get.query({ municipalityId: 'uithoorn', indicatorId: 'winkeldiefstallen' });
    const dry = await api().indicatorEditor.dryRun.mutate({ municipalityId: 'uithoorn', draft, isNew: true });
    expect(dry.problems).toEqual([]);
    expect(dry.report?.values.length).toBeGreaterThan(0);
    // The demo registers bicycle thefts every year: a count, not a column of zeros.
    expect(dry.report?.values.every((value) => (value.value ?? 0) > 0)).toBe(true);

    const saved = await api().indicatorEditor.save.mutate({
      municipalityId: 'uithoorn',
      draft,
      isNew: true,
      baseVersion: null,
      link: { programId: 'veiligheid', effectId: 'minder-criminaliteit' },
    });
    expect(saved).toMatchObject({ kind: 'saved', file: 'indicators/fietsendiefstallen.yaml', isLinked: true });
    await server.whenComputed();

    const detail = await api().indicators.get.query({ municipalityId: 'uithoorn', indicatorId: 'fietsendiefstallen' });
    expect(detail.series.map((value) => value.value)).toEqual(dry.report?.values.map((value) => value.value));
    expect(detail.usedBy).toContainEqual(expect.objectContaining({ programId: 'veiligheid', effectId: 'minder-criminaliteit' }));
    // The others were not computed again: their stored results are those of the first computation.
    const after = await api().indicators.get.query({ municipalityId: 'uithoorn', indicatorId: 'winkeldiefstallen' });
    expect(after.lineage?.computedAt).toBe(before.lineage?.computedAt);
    const [latest] = await api().computations.list.query({ municipalityId: 'uithoorn', limit: 1 });
    expect(latest).toMatchObject({ indicatorIds: ['fietsendiefstallen'], status: 'succeeded' });

    const audit = await apiClient(baseUrl, await signIn(baseUrl, 'admin@demo.koers.nl')).audit.list.query({ municipalityId: 'uithoorn', entity: 'indicator_definition' });
    expect(audit[0]).toMatchObject({ actor: 'data@demo.koers.nl', action: 'create', entityId: 'fietsendiefstallen', before: null });
  });

  it('edits an indicator from the version it read, and refuses a save based on an older version', async () => {
    const read = await api().indicatorEditor.read.query({ municipalityId: 'uithoorn', indicatorId: 'fietsendiefstallen' });
    const saved = await api().indicatorEditor.save.mutate({ municipalityId: 'uithoorn', draft: { ...read.draft, title: 'Fietsendiefstallen per jaar' }, isNew: false, baseVersion: read.version });
    expect(saved.kind).toBe('saved');
    expect(await readFile(join(workspace(), 'indicators/fietsendiefstallen.yaml'), 'utf8')).toContain('title: Fietsendiefstallen per jaar\n');
    await expect(api().indicatorEditor.save.mutate({ municipalityId: 'uithoorn', draft: read.draft, isNew: false, baseVersion: read.version })).rejects.toMatchObject({
      data: { code: 'CONFLICT' },
    });
    await server.whenComputed();
  });

  it('exports the definitions and imports them back into an equal workspace; koers check accepts the export with its data', async () => {
    const original = await readWorkspaceFolder(workspace());
    const exported = Buffer.from(await (await fetch(`${baseUrl}/api/uithoorn/definitions.zip`, { headers: { cookie } })).arrayBuffer());
    const checked = await fetch(`${baseUrl}/api/uithoorn/definitions.zip`, { method: 'POST', headers: { cookie, origin: baseUrl, 'content-type': 'application/zip' }, body: new Uint8Array(exported) });
    expect(checked.status).toBe(200);
    expect(await checked.json()).toEqual({ kind: 'checked', check: { problems: [], skipped: [], changes: { added: [], changed: [], removed: [] } } });

    // Change the workspace, then import the export: the workspace is as it was.
    await writeFile(join(workspace(), 'indicators/extra.yaml'), 'title: Extra\n');
    const applied = await fetch(`${baseUrl}/api/uithoorn/definitions.zip?apply=1`, { method: 'POST', headers: { cookie, origin: baseUrl, 'content-type': 'application/zip' }, body: new Uint8Array(exported) });
    expect(applied.status).toBe(200);
    expect(await applied.json()).toMatchObject({ kind: 'applied', check: { changes: { removed: ['indicators/extra.yaml'] } } });
    expect(await readWorkspaceFolder(workspace())).toEqual(original);
    expect((await loadWorkspace(workspace())).problems).toEqual([]);
    await server.whenComputed();

    const withData = Buffer.from(await (await fetch(`${baseUrl}/api/uithoorn/definitions.zip?data=1`, { headers: { cookie } })).arrayBuffer());
    const unpacked = join(folder, 'unpacked/uithoorn');
    await unpack(withData, unpacked);
    await cp(join(workspace(), 'data'), join(unpacked, 'data'), { recursive: true });
    const check = await runKoers(['check', unpacked]);
    expect(check).toEqual({ code: 0, stdout: '' });
  }, 180_000);

  it('refuses an import whose indicator reads a file or runs a statement, naming the file and the field, and applies nothing', async () => {
    const exported = Buffer.from(await (await fetch(`${baseUrl}/api/uithoorn/definitions.zip`, { headers: { cookie } })).arrayBuffer());
    const files = (await readWorkspaceZip(exported)).files.map((file) => {
      if (file.path === 'indicators/winkeldiefstallen.yaml') return { ...file, text: file.text.replace('measure: count(*)\n', "measure: count(*) + len(read_csv('/etc/passwd'))\n") };
      if (file.path === 'indicators/vernielingen.yaml') return { ...file, text: file.text.replace(/^filter: .*$/m, "filter: \"true; DROP TABLE misdrijven\"") };
      return file;
    });
    const hostile = await zipOf(files.map((file) => ({ name: `uithoorn/${file.path}`, data: file.text })));
    const answer = await fetch(`${baseUrl}/api/uithoorn/definitions.zip?apply=1`, { method: 'POST', headers: { cookie, origin: baseUrl, 'content-type': 'application/zip' }, body: new Uint8Array(hostile) });
    expect(answer.status).toBe(422);
    const { check } = (await answer.json()) as { check: { problems: { file: string; field?: string; message: string }[] } };
    expect(check.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'indicators/winkeldiefstallen.yaml', field: 'measure', message: expect.stringContaining('read_csv') }),
        expect.objectContaining({ file: 'indicators/vernielingen.yaml', field: 'filter' }),
      ]),
    );
    expect(await readFile(join(workspace(), 'indicators/winkeldiefstallen.yaml'), 'utf8')).not.toContain('read_csv');
    expect(await readFile(join(workspace(), 'indicators/vernielingen.yaml'), 'utf8')).not.toContain('DROP');
  });

  it('lists every problem of an import with file and line, and applies nothing', async () => {
    const exported = Buffer.from(await (await fetch(`${baseUrl}/api/uithoorn/definitions.zip`, { headers: { cookie } })).arrayBuffer());
    const files = (await readWorkspaceZip(exported)).files.map((file) =>
      file.path === 'indicators/overhead.yaml' ? { ...file, text: file.text.replace('grain: year', 'grain: week') } : file,
    );
    const broken = await zipOf(files.map((file) => ({ name: `uithoorn/${file.path}`, data: file.text })));
    const answer = await fetch(`${baseUrl}/api/uithoorn/definitions.zip?apply=1`, { method: 'POST', headers: { cookie, origin: baseUrl, 'content-type': 'application/zip' }, body: new Uint8Array(broken) });
    expect(answer.status).toBe(422);
    expect(((await answer.json()) as { check: { problems: unknown[] } }).check.problems).toEqual([
      expect.objectContaining({ file: 'indicators/overhead.yaml', line: 6, field: 'grain' }),
      expect.objectContaining({ file: 'programs/bestuur-en-organisatie.yaml', message: expect.stringContaining('overhead') }),
    ]);
    expect(await readFile(join(workspace(), 'indicators/overhead.yaml'), 'utf8')).toContain('grain: year');

    // The zip reader's own spec tries every hostile entry; here one reaches it through the route.
    const hostile = await zipOf([{ name: 'uithoorn/indicators/link.yaml', data: '/etc/passwd', mode: 0o120777 }]);
    const refused = await fetch(`${baseUrl}/api/uithoorn/definitions.zip?apply=1`, { method: 'POST', headers: { cookie, origin: baseUrl, 'content-type': 'application/zip' }, body: new Uint8Array(hostile) });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { check: { problems: { message: string }[] } }).check.problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining('koppeling'),
    ]);
  });

  it('refuses the editor and the zip to a role without the right, and the zip to anyone not signed in (other municipalities: the access-table spec)', async () => {
    const college = await signIn(baseUrl, 'college@demo.koers.nl');
    await expect(apiClient(baseUrl, college).indicatorEditor.choices.query({ municipalityId: 'uithoorn' })).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    expect((await fetch(`${baseUrl}/api/uithoorn/definitions.zip`, { headers: { cookie: college } })).status).toBe(403);
    expect((await fetch(`${baseUrl}/api/uithoorn/definitions.zip`)).status).toBe(401);
    // An import is refused before its body is read: whatever was sent, the answer is the access table's.
    const importAs = (cookie: string | null, contentType: string) =>
      fetch(`${baseUrl}/api/uithoorn/definitions.zip?apply=1`, { method: 'POST', headers: { ...(cookie === null ? {} : { cookie }), origin: baseUrl, 'content-type': contentType }, body: '{}' });
    expect((await importAs(college, 'application/json')).status).toBe(403);
    expect((await importAs(college, 'application/zip')).status).toBe(403);
    expect((await importAs(null, 'application/json')).status).toBe(401);
  });
});
