import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKoersServer, type KoersServer } from '../koers.server';
import { apiClient, collectingLog, signIn, testSettings } from '../server.testing';

const header = '# Economie van Uithoorn (testwerkmap).\n';
const files: Readonly<Record<string, string>> = {
  'demo/uithoorn/koers.yaml': 'municipality: Uithoorn\n',
  'demo/uithoorn/programs/economie.yaml': [
    header.trimEnd(),
    'title: Economie',
    'portfolioHolders: [wethouder Economie]',
    'effects:',
    '  - id: sterke-economie',
    '    title: Een sterke lokale economie',
    'tasks:',
    '  - id: ondernemers',
    '    title: Ondersteun ondernemers',
    '    effects: [sterke-economie]',
    '    actions:',
    '      - { id: ondernemersloket, title: Ondernemersloket, kind: regular, priority: execution, owner: Team Economische Zaken }',
    '      - { id: vergunningen-sneller, title: Vergunningen sneller, kind: new, priority: statutory, owner: Team Vergunningen }',
    '',
  ].join('\n'),
  'dashboard/index.html': '<!doctype html><html lang="nl"><body></body></html>',
};

describe('the work of issue 8 through the real server', () => {
  let folder: string;
  let server: KoersServer;
  let baseUrl: string;
  const cookies: Record<string, string> = {};
  const as = (who: string) => apiClient(baseUrl, cookies[who]);
  const programFile = () => join(folder, 'var', 'workspaces', 'uithoorn', 'programs', 'economie.yaml');

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'koers-work-'));
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(folder, path)), { recursive: true });
      await writeFile(join(folder, path), text);
    }
    server = createKoersServer(testSettings(folder), collectingLog());
    baseUrl = await server.listen();
    await server.prepare();
    await server.whenComputed();
    for (const who of ['admin', 'college', 'teamlead', 'raad']) cookies[who] = await signIn(baseUrl, `${who}@demo.koers.nl`);
  }, 120_000);

  afterAll(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  it("lets the team lead report on their team's action, audited, and refuses another team's", async () => {
    const counted = async () => (await as('admin').overview.get.query({ municipalityId: 'uithoorn' })).programs[0]?.actionStatus;
    const saved = await as('teamlead').progress.save.mutate({ municipalityId: 'uithoorn', actionId: 'ondernemersloket', status: 'on_schedule', percent: 30, comment: 'Loket open.' });
    expect(saved).toMatchObject({ status: 'on_schedule', percent: 30, author: 'teamlead@demo.koers.nl' });
    const board = await as('teamlead').progress.board.query({ municipalityId: 'uithoorn' });
    expect(board.viewerTeam).toBe('Team Economische Zaken');
    // The demo's own reports (of the other team) stay as they were.
    expect(board.actions.map((action) => [action.id, action.mayReport])).toEqual([
      ['ondernemersloket', true],
      ['vergunningen-sneller', false],
    ]);
    expect(board.actions[0]?.report).toMatchObject({ percent: 30, comment: 'Loket open.' });

    const forged = await as('teamlead').progress.save.mutate({ municipalityId: 'uithoorn', actionId: 'vergunningen-sneller', status: 'done', percent: 100, comment: '' }).catch((error: unknown) => error);
    expect(forged).toBeInstanceOf(TRPCClientError);
    expect((forged as TRPCClientError<never>).data).toMatchObject({ code: 'FORBIDDEN', httpStatus: 403 });

    const audit = await as('admin').audit.list.query({ municipalityId: 'uithoorn', entity: 'progress' });
    expect(audit.map((record) => [record.actor, record.entityId, (record.after as { percent: number }).percent])).toEqual([
      ['teamlead@demo.koers.nl', `ondernemersloket:${board.currentQuarter}`, 30],
    ]);
    // The overview counts a report at once: the data version was bumped and read again.
    const countsBefore = await counted();
    await as('teamlead').progress.save.mutate({ municipalityId: 'uithoorn', actionId: 'ondernemersloket', status: 'delayed', percent: 30, comment: 'Loket open, personeel krap.' });
    const countsAfter = await counted();
    expect([countsAfter?.on_schedule, countsAfter?.delayed]).toEqual([(countsBefore?.on_schedule ?? 0) - 1, (countsBefore?.delayed ?? 0) + 1]);
  });

  it('writes a program edit of the college to its file, keeps the comment at the top, and the computation imports it', async () => {
    const opened = await as('college').programEditor.get.query({ municipalityId: 'uithoorn', programId: 'economie' });
    if (opened.document === null) throw new Error('the program should open');
    const task = opened.document.tasks[0];
    if (task === undefined) throw new Error('the program has a task');
    const result = await as('college').programEditor.save.mutate({
      municipalityId: 'uithoorn',
      programId: 'economie',
      revision: opened.revision,
      program: {
        ...opened.document,
        tasks: [{ ...task, actions: [{ id: 'winkelcentrum', title: 'Winkelcentrum vernieuwen', kind: 'new', priority: 'new_policy', owner: 'Team Economische Zaken', start: '2026-01-01', due: '2027-12-31' }, ...task.actions] }],
      },
    });
    expect(result).toMatchObject({ status: 'saved', file: 'programs/economie.yaml' });

    const text = await readFile(programFile(), 'utf8');
    expect(text.startsWith(header)).toBe(true);
    expect(text).toContain('      - id: winkelcentrum\n');
    await server.whenComputed();
    const programs = await as('college').programs.list.query({ municipalityId: 'uithoorn' });
    expect(programs[0]?.tasks[0]?.actions.map((action) => action.id)).toEqual(['winkelcentrum', 'ondernemersloket', 'vergunningen-sneller']);
    const audit = await as('admin').audit.list.query({ municipalityId: 'uithoorn' });
    expect(audit.map((record) => [record.entity, record.entityId, record.action])).toEqual(
      expect.arrayContaining([
        ['program_file', 'economie', 'edit'],
        ['action', 'winkelcentrum', expect.any(String)],
      ]),
    );
  }, 120_000);

  it('refuses an invalid edit with the field and leaves the file byte for byte as it was', async () => {
    const opened = await as('college').programEditor.get.query({ municipalityId: 'uithoorn', programId: 'economie' });
    if (opened.document === null) throw new Error('the program should open');
    const before = await readFile(programFile(), 'utf8');
    const result = await as('college').programEditor.save.mutate({
      municipalityId: 'uithoorn',
      programId: 'economie',
      revision: opened.revision,
      program: { ...opened.document, effects: [{ id: 'sterke-economie', title: 'Een sterke lokale economie', indicators: ['bestaat-niet'] }] },
    });
    expect(result).toMatchObject({ status: 'invalid', problems: [{ field: 'effects[0].indicators[0]', message: expect.stringContaining('bestaat-niet') }] });
    expect(await readFile(programFile(), 'utf8')).toBe(before);
  });

  it('keeps the college commentary with author and version, for everyone who reads the program', async () => {
    await as('college').commentary.save.mutate({ municipalityId: 'uithoorn', effectId: 'sterke-economie', quarter: (await as('college').progress.board.query({ municipalityId: 'uithoorn' })).currentQuarter, text: 'Leegstand daalt.' });
    const board = await as('raad').commentary.board.query({ municipalityId: 'uithoorn', programId: 'economie' });
    expect(board.effects[0]?.current).toMatchObject({ text: 'Leegstand daalt.', version: 1, authorEmail: 'college@demo.koers.nl' });
    expect(board.effects[0]?.mayWrite).toBe(false);
  });

  it('refuses the council every mutation, whatever it sends', async () => {
    const attempts: (() => Promise<unknown>)[] = [
      () => as('raad').progress.save.mutate({ municipalityId: 'uithoorn', actionId: 'ondernemersloket', status: 'done', percent: 100, comment: '' }),
      () => as('raad').commentary.save.mutate({ municipalityId: 'uithoorn', effectId: 'sterke-economie', quarter: '2026-Q4', text: 'Raad.' }),
      () => as('raad').programEditor.save.mutate({ municipalityId: 'uithoorn', programId: 'economie', revision: '0'.repeat(64), program: { title: 'Raad', portfolioHolders: [], policyDocuments: [], effects: [], tasks: [] } }),
      () => as('raad').programEditor.get.query({ municipalityId: 'uithoorn', programId: 'economie' }),
      () => as('raad').computations.run.mutate({ municipalityId: 'uithoorn' }),
    ];
    for (const attempt of attempts) {
      await expect(attempt()).rejects.toMatchObject({ data: { code: 'FORBIDDEN', httpStatus: 403 } });
    }
  });
});
