import type { z } from 'zod';
import type { programSchema } from './program.schema';
import type { Viewer } from './role';

/** A program as its file holds it (`programs/<id>.yaml`), the way the editor reads and writes it. */
export type ProgramDocument = z.infer<typeof programSchema>;

/** One reason an edit of a program cannot be saved: the field (`tasks[0].actions[1].due`) and what to do. */
export interface ProgramEditProblem {
  /** The field path in the program, or null for the file as a whole. */
  readonly field: string | null;
  readonly message: string;
}

/** A program file opened for editing. */
export interface ProgramFile {
  readonly programId: string;
  /** Workspace-relative path, `programs/veiligheid.yaml`. */
  readonly file: string;
  /** sha256 of the file's text: a save names it, and is refused when the file changed since. */
  readonly revision: string;
  /** The program as the file holds it; null when the file cannot be read as a program (its problems say why). */
  readonly document: ProgramDocument | null;
  /** What `koers check` finds in the file now. */
  readonly problems: readonly ProgramEditProblem[];
  /** The indicators of the workspace, for an effect to list. */
  readonly indicators: readonly { readonly id: string; readonly title: string }[];
}

/** What became of a save. */
export type ProgramSaveResult =
  | { readonly status: 'saved'; readonly revision: string; readonly file: string }
  | { readonly status: 'invalid'; readonly problems: readonly ProgramEditProblem[] }
  | { readonly status: 'conflict'; readonly message: string };

/**
 * The program files of the municipalities' workspaces, for the program editor.
 * The server implements it: a save is checked as the workspace loader checks
 * the file, written atomically, audited, and followed by a computation that
 * imports the structure again.
 */
export interface ProgramFiles {
  /** The program's file, or null when the workspace has no program with this id. */
  read(municipalityId: string, programId: string): Promise<ProgramFile | null>;
  /**
   * Writes the program back to its file, when the file still has
   * `expectedRevision` and the new text adds no problem to it.
   */
  save(municipalityId: string, programId: string, document: ProgramDocument, expectedRevision: string, by: Viewer): Promise<ProgramSaveResult>;
}
