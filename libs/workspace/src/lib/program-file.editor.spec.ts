import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProgramDocument } from '@koers/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readProgramFile, revisionOf, writeProgramFile } from './program-file.editor';
import { cleanFiles } from './workspace.fixture';
import { loadWorkspace } from './workspace.loader';

/** The item at `index`, which the test knows is there. */
function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index} in a list of ${list.length}`);
  return item;
}

describe('reading and writing a program file', () => {
  let root: string;
  const programPath = 'programs/bestuur.yaml';
  const header = '# Bestuur van Uithoorn, uit de begroting.\n';

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'koers-program-file-'));
    for (const file of cleanFiles) {
      await mkdir(join(root, file.path, '..'), { recursive: true });
      await writeFile(join(root, file.path), file.path === programPath ? `${header}${file.text}` : file.text);
    }
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  async function opened() {
    const snapshot = await readProgramFile(root, 'bestuur');
    if (snapshot === null || snapshot.document === null) throw new Error('the clean program should open');
    return { snapshot, document: snapshot.document };
  }

  it('opens a program with its revision, the indicators an effect may list, and no problems', async () => {
    const { snapshot, document } = await opened();
    expect(snapshot.file).toBe(programPath);
    expect(snapshot.revision).toBe(revisionOf(await readFile(join(root, programPath), 'utf8')));
    expect(snapshot.problems).toEqual([]);
    expect(snapshot.indicators).toEqual([{ id: 'winkeldiefstallen', title: 'Winkeldiefstallen per 1.000 inwoners' }]);
    expect(document.tasks[0]?.actions[0]).toMatchObject({ id: 'bestuurskrachtonderzoek', priority: 'basis', due: '2021-12-31' });
    expect(await readProgramFile(root, 'onbekend')).toBeNull();
  });

  it('writes an edit atomically, keeps the opening comment, and the workspace still reads clean', async () => {
    const { snapshot, document } = await opened();
    const edited: ProgramDocument = {
      ...document,
      tasks: [
        {
          ...at(document.tasks, 0),
          actions: [
            { id: 'nieuwe-actie', title: 'Regionale agenda opstellen', kind: 'new', priority: 'statutory', owner: 'Team Strategie', start: '2026-01-01', due: '2026-06-30' },
            { ...at(at(document.tasks, 0).actions, 0), owner: 'Team Strategie' },
          ],
        },
      ],
    };
    const changes: unknown[] = [];
    const result = await writeProgramFile(root, 'bestuur', edited, snapshot.revision, async (change) => void changes.push(change));

    expect(result).toMatchObject({ status: 'saved', file: programPath });
    const text = await readFile(join(root, programPath), 'utf8');
    expect(text.startsWith(header)).toBe(true);
    expect(result?.status === 'saved' && result.revision).toBe(revisionOf(text));
    expect(changes).toEqual([{ before: document, after: edited, file: programPath }]);
    const { workspace, problems } = await loadWorkspace(root);
    expect(problems).toEqual([]);
    expect(workspace.programs[0]?.tasks[0]?.actions.map((action) => action.id)).toEqual(['nieuwe-actie', 'bestuurskrachtonderzoek']);
    // No temp file is left behind.
    expect(await readdir(join(root, 'programs'))).toEqual(['bestuur.yaml']);
  });

  it.each([
    [
      'a task pointing at an unknown effect',
      (document: ProgramDocument): ProgramDocument => ({ ...document, tasks: [{ ...at(document.tasks, 0), effects: ['onbekend-effect'] }] }),
      'tasks[0].effects[0]',
      'effect "onbekend-effect" is not an effect of this program',
    ],
    [
      'a due date before its start',
      (document: ProgramDocument): ProgramDocument => ({
        ...document,
        tasks: [{ ...at(document.tasks, 0), actions: [{ ...at(at(document.tasks, 0).actions, 0), start: '2022-01-01', due: '2021-12-31' }] }],
      }),
      'tasks[0].actions[0].due',
      'due must not be before start',
    ],
    ['an empty title', (document: ProgramDocument): ProgramDocument => ({ ...document, title: '' }), 'title', 'is required but missing'],
    [
      'an effect naming an indicator that does not exist',
      (document: ProgramDocument): ProgramDocument => ({ ...document, effects: [{ ...at(document.effects, 0), indicators: ['bestaat-niet'] }] }),
      'effects[0].indicators[0]',
      'bestaat-niet',
    ],
  ])('refuses %s with the field, and leaves the file as it was', async (_, change, field, message) => {
    const { snapshot, document } = await opened();
    const before = await readFile(join(root, programPath), 'utf8');
    let recorded = false;

    const result = await writeProgramFile(root, 'bestuur', change(document), snapshot.revision, async () => void (recorded = true));

    expect(result?.status).toBe('invalid');
    const problems = result?.status === 'invalid' ? result.problems : [];
    expect(problems).toEqual([expect.objectContaining({ field, message: expect.stringContaining(message) })]);
    expect(await readFile(join(root, programPath), 'utf8')).toBe(before);
    expect(recorded).toBe(false);
  });

  it('refuses a save of a revision that is no longer the file, so no edit is lost', async () => {
    const { snapshot, document } = await opened();
    await writeFile(join(root, programPath), `${header}${cleanFiles.find((file) => file.path === programPath)?.text}# later edit\n`);
    const result = await writeProgramFile(root, 'bestuur', { ...document, title: 'Anders' }, snapshot.revision);
    expect(result).toEqual({ status: 'conflict', file: programPath });
    expect(await readFile(join(root, programPath), 'utf8')).toContain('# later edit');
  });

  it('leaves the file as it was when recording the change fails', async () => {
    const { snapshot, document } = await opened();
    const before = await readFile(join(root, programPath), 'utf8');
    await expect(
      writeProgramFile(root, 'bestuur', { ...document, title: 'Anders' }, snapshot.revision, async () => {
        throw new Error('audit trail unavailable');
      }),
    ).rejects.toThrow('audit trail unavailable');
    expect(await readFile(join(root, programPath), 'utf8')).toBe(before);
    expect(await readdir(join(root, 'programs'))).toEqual(['bestuur.yaml']);
  });

  it('lets a program keep a problem it already had, but not add one', async () => {
    // The indicator's file breaks elsewhere: the effect still names it.
    await writeFile(join(root, 'indicators/winkeldiefstallen.yaml'), 'title: [kapot\n');
    const { snapshot, document } = await opened();
    expect(snapshot.problems.map((problem) => problem.field)).toEqual(['effects[0].indicators[0]']);

    expect(await writeProgramFile(root, 'bestuur', { ...document, department: 'Bestuursondersteuning' }, snapshot.revision)).toMatchObject({ status: 'saved' });
    const again = await opened();
    const result = await writeProgramFile(root, 'bestuur', { ...again.document, effects: [...again.document.effects, { ...at(again.document.effects, 0), id: 'veilig' }] }, again.snapshot.revision);
    expect(result?.status === 'invalid' && result.problems.map((problem) => problem.field)).toEqual(['effects[1].id']);
  });

  it('saves two edits at once one after the other: the second is refused as a conflict', async () => {
    const { snapshot, document } = await opened();
    const results = await Promise.all([
      writeProgramFile(root, 'bestuur', { ...document, title: 'Eerste' }, snapshot.revision),
      writeProgramFile(root, 'bestuur', { ...document, title: 'Tweede' }, snapshot.revision),
    ]);
    expect(results.map((result) => result?.status)).toEqual(['saved', 'conflict']);
    expect(await readFile(join(root, programPath), 'utf8')).toContain('title: Eerste');
  });
});
