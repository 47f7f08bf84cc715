import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { type ProgramDocument, type ProgramEditProblem, type ProgramFile, programSchema, type WorkspaceProblem } from '@koers/domain';
import { parse } from 'yaml';
import { writeFileAtomically } from './atomic-file.writer';
import { serializeProgram } from './program.serializer';
import type { ReadOptions, WorkspaceFile } from './workspace.parser';
import { parseWorkspace } from './workspace.parser';
import { readWorkspaceFiles } from './workspace.loader';

/** A program file as read for editing (the `ProgramFile` the API shows), with its text. */
export interface ProgramFileSnapshot extends ProgramFile {
  readonly text: string;
}

/** What became of writing a program: written (with the program before and after), refused with the problems, or refused because the file changed. */
export type ProgramWriteResult =
  | { readonly status: 'saved'; readonly file: string; readonly revision: string; readonly before: ProgramDocument | null; readonly after: ProgramDocument }
  | { readonly status: 'invalid'; readonly problems: readonly ProgramEditProblem[] }
  | { readonly status: 'conflict'; readonly file: string };

/** sha256 (hex) of a file's text: what a save names to say which version it edited. */
export function revisionOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Reads the program with this id from the workspace at `root`, for the
 * editor; null when no file holds it. A program whose file has problems is
 * found too (by its file name or id field), with the problems.
 */
export async function readProgramFile(root: string, programId: string, options: ReadOptions = {}): Promise<ProgramFileSnapshot | null> {
  const read = await readWorkspaceFiles(root, options);
  const found = findProgramFile(read.files, programId);
  if (found === undefined) return null;
  const loaded = parseWorkspace(read.root, read.files, options);
  return {
    programId,
    file: found.path,
    text: found.text,
    revision: revisionOf(found.text),
    document: documentOf(found.text),
    problems: problemsOf(loaded.problems, found.path),
    indicators: loaded.workspace.indicators.map((indicator) => ({ id: indicator.id, title: indicator.title })),
  };
}

/**
 * Writes a program back to its file in the workspace at `root`: only when the
 * file still has `expectedRevision` (else `conflict`), and only when the new
 * text, checked with the rest of the workspace as `koers check` would, has no
 * problem in that file that the old text did not have (else `invalid`, with
 * every new problem and its field). The file's opening comments stay; its id
 * and budget number are kept whatever `document` says. The write is atomic;
 * `beforeReplace` (to record the change) runs before the new text takes the
 * file's place, and when it throws nothing is written.
 *
 * Saves of one workspace in this process run one at a time, so two cannot
 * both pass the revision check.
 */
export async function writeProgramFile(
  root: string,
  programId: string,
  document: ProgramDocument,
  expectedRevision: string,
  beforeReplace: (change: { readonly before: ProgramDocument | null; readonly after: ProgramDocument; readonly file: string }) => Promise<void> = async () => undefined,
  options: ReadOptions = {},
): Promise<ProgramWriteResult | null> {
  return oneAtATime(root, async () => {
    const read = await readWorkspaceFiles(root, options);
    const found = findProgramFile(read.files, programId);
    if (found === undefined) return null;
    if (revisionOf(found.text) !== expectedRevision) return { status: 'conflict', file: found.path };
    const before = documentOf(found.text);
    // The file's identity is not the editor's to change: a different id would be another program.
    const after: ProgramDocument = { ...document, id: before?.id ?? document.id, number: before?.number ?? document.number };
    if (after.id === undefined) delete (after as { id?: string }).id;
    if (after.number === undefined) delete (after as { number?: number }).number;
    const text = serializeProgram(after, found.text);
    const problems = newProblems(read, found.path, text, options);
    if (problems.length > 0) return { status: 'invalid', problems };
    await writeFileAtomically(join(read.root, found.path), text, () => beforeReplace({ before, after: documentOf(text) ?? after, file: found.path }));
    return { status: 'saved', file: found.path, revision: revisionOf(text), before, after: documentOf(text) ?? after };
  });
}

/**
 * The problems `path` would have with `text` in place of its current text,
 * that it does not have now: an edit may leave a problem it found (an
 * indicator whose file is broken elsewhere) but must not add one.
 */
function newProblems(read: { readonly root: string; readonly files: readonly WorkspaceFile[] }, path: string, text: string, options: ReadOptions): ProgramEditProblem[] {
  // Lines move with an edit; the field and the message say which problem it is.
  const keyOf = (problem: WorkspaceProblem) => `${problem.field ?? ''}\u0000${problem.message}`;
  const existing = new Set(parseWorkspace(read.root, read.files, options).problems.filter((problem) => problem.file === path).map(keyOf));
  const replaced = read.files.map((file) => (file.path === path ? { path, text } : file));
  const found = parseWorkspace(read.root, replaced, options).problems.filter((problem) => problem.file === path && !existing.has(keyOf(problem)));
  return problemsOf(found, path);
}

function problemsOf(problems: readonly WorkspaceProblem[], path: string): ProgramEditProblem[] {
  return problems
    .filter((problem) => problem.file === path)
    .map((problem) => ({ field: problem.field ?? null, message: problem.line === undefined ? problem.message : `${problem.message} (${path}:${problem.line})` }));
}

/** The file under `programs/` that holds the program: its `id` field, else its file name. */
function findProgramFile(files: readonly WorkspaceFile[], programId: string): WorkspaceFile | undefined {
  const programs = files.filter((file) => file.path.startsWith('programs/') && file.path.endsWith('.yaml'));
  return (
    programs.find((file) => idFieldOf(file.text) === programId) ??
    programs.find((file) => file.path === `programs/${programId}.yaml` && idFieldOf(file.text) === undefined)
  );
}

function idFieldOf(text: string): string | undefined {
  try {
    const value = parse(text, { maxAliasCount: 100 }) as unknown;
    const id = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['id'] : undefined;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The program a text holds, with the schema's defaults; null when it is not a valid program. */
function documentOf(text: string): ProgramDocument | null {
  try {
    const parsed = programSchema.safeParse(parse(text, { maxAliasCount: 100 }));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `task` after every earlier task of the same key has finished. */
async function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(task);
  queues.set(key, next);
  try {
    return await next;
  } finally {
    if (queues.get(key) === next) queues.delete(key);
  }
}
