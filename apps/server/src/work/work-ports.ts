import type { ProgramFile, ProgramFiles, ProgramSaveResult, WorkCatalog, WorkCommands } from '@koers/domain';
import { type AppDatabase, createWorkCatalog, listMunicipalityWorkspaces, recordAudit, recordCommentary, recordProgressReport } from '@koers/persistence';
import { readProgramFile, writeProgramFile } from '@koers/workspace';
import type { ServerComputations } from '../computation/server-computations';

/** The work ports the server gives the API: what it reads, what it changes, and the program files. */
export interface WorkPorts {
  readonly work: WorkCatalog;
  readonly workCommands: WorkCommands;
  readonly programFiles: ProgramFiles;
}

/**
 * The server's work ports. Progress reports and commentary are app state,
 * stored with their audit record in one transaction; `onStored` runs after
 * each (the server reads the data version again, so the next read shows it).
 * A program is written back to its file in the municipality's workspace
 * (checked as `koers check` would, atomically, audited before the file is
 * replaced) and a computation is queued that imports the structure again;
 * the workspace watcher would notice the file too. Several instances must
 * therefore share the workspaces folder.
 */
export function createWorkPorts(db: AppDatabase, computations: () => ServerComputations, onStored: () => Promise<void>): WorkPorts {
  const workspaceRoot = async (municipalityId: string): Promise<string | null> =>
    (await listMunicipalityWorkspaces(db)).find((workspace) => workspace.id === municipalityId)?.workspaceRoot ?? null;

  return {
    work: createWorkCatalog(db),
    workCommands: {
      async saveProgress(municipalityId, report, by) {
        const saved = await recordProgressReport(db, municipalityId, report, by.email);
        await onStored();
        return saved;
      },
      async saveCommentary(municipalityId, entry, by) {
        const saved = await recordCommentary(db, municipalityId, entry, { email: by.email, name: by.name });
        await onStored();
        return saved;
      },
    },
    programFiles: {
      async read(municipalityId, programId): Promise<ProgramFile | null> {
        const root = await workspaceRoot(municipalityId);
        const snapshot = root === null ? null : await readProgramFile(root, programId);
        if (snapshot === null) return null;
        return {
          programId: snapshot.programId,
          file: snapshot.file,
          revision: snapshot.revision,
          document: snapshot.document,
          problems: snapshot.problems,
          indicators: snapshot.indicators,
        };
      },
      async save(municipalityId, programId, document, expectedRevision, by): Promise<ProgramSaveResult> {
        const root = await workspaceRoot(municipalityId);
        const result =
          root === null
            ? null
            : await writeProgramFile(root, programId, document, expectedRevision, (change) =>
                recordAudit(db, { actor: by.email, municipalityId, entity: 'program_file', entityId: programId, action: 'edit', before: change.before, after: change.after }),
              );
        if (result === null) {
          return { status: 'invalid', problems: [{ field: null, message: `Programma "${programId}" heeft geen bestand meer in de werkmap: het is intussen verwijderd of hernoemd.` }] };
        }
        if (result.status === 'conflict') {
          return {
            status: 'conflict',
            message: `${result.file} is gewijzigd sinds u het programma opende (door iemand anders, of in de werkmap zelf). Open het opnieuw en breng uw wijziging opnieuw aan; er is niets opgeslagen.`,
          };
        }
        if (result.status === 'invalid') return result;
        // The computation imports the structure again, applying only the difference (each change in the audit trail).
        await computations().scheduler.request(municipalityId, 'change');
        await onStored();
        return { status: 'saved', file: result.file, revision: result.revision };
      },
    },
  };
}
