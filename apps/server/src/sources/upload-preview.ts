import type { IndicatorDefinition, SourceDefinition, SourceFormat, SourcePreview, SourceProblem } from '@koers/domain';
import { columnsReadBy, openSandbox, type SourceLimits } from '@koers/kpi';

/** How previews run: the engine's process, bounded like a source load. */
export interface PreviewSettings {
  /** The memory bound of the preview's process (`1GB`). */
  readonly memoryLimit: string;
  readonly queryTimeoutMs: number;
  /** Size after decompression, columns and time; the engine's defaults (what the computation's load allows) when left out. */
  readonly sourceLimits?: Partial<SourceLimits>;
}

/** What to preview: the uploaded file in the municipality's versions folder, and what it must fit. */
export interface PreviewRequest {
  /** The municipality's versions folder: the only folder the preview may read. */
  readonly root: string;
  /** The upload, relative to `root`. */
  readonly upload: string;
  readonly format: SourceFormat;
  /** The source it would become a version of (its declared columns), or for a new source its id and declared columns. */
  readonly source: Pick<SourceDefinition, 'id' | 'title' | 'columns' | 'file'>;
  /** Where the file would go in the workspace: what the problems name. */
  readonly shownAs: string;
  /** The serving version's kept file (relative to `root`), to find columns the new one drops. */
  readonly serving?: string;
  readonly servingFormat?: SourceFormat;
  /** The indicators that read the source: a column one of them reads may not be dropped. */
  readonly readers?: readonly IndicatorDefinition[];
}

/** Rows a preview shows. */
const previewRows = 20;

/**
 * Reads an upload in the engine's own process (never in the server's),
 * bounded in time and memory: the columns detected against the declared ones,
 * the first rows, the row count and the first problem, named by the file it
 * would become in the workspace. A column of the serving version that an
 * indicator reads and the new file lacks is a problem too: such a version is
 * refused rather than loaded, so the old results keep serving.
 */
export async function previewUpload(settings: PreviewSettings, request: PreviewRequest): Promise<SourcePreview> {
  const session = await openSandbox({ root: request.root, memoryLimit: settings.memoryLimit, queryTimeoutMs: settings.queryTimeoutMs, threads: 2, ...(settings.sourceLimits && { sourceLimits: settings.sourceLimits }) });
  try {
    const definition: SourceDefinition = { ...request.source, path: request.upload, format: request.format };
    const preview = named(await session.previewSource(definition, previewRows), request);
    if (preview.problem !== null || request.serving === undefined || (request.readers ?? []).length === 0) return preview;
    const serving = await session.describeSource({ id: request.source.id, title: request.source.title, path: request.serving, format: request.servingFormat ?? request.format });
    const present = new Set(preview.columns.map((column) => column.name));
    const dropped = serving.map((column) => column.name).filter((name) => !present.has(name));
    const reads = (request.readers ?? []).flatMap((indicator) => columnsReadBy(indicator, request.source.id, dropped));
    if (reads.length === 0) return preview;
    const first = reads[0];
    const list = reads.map((read) => `indicator "${read.indicatorId}" leest kolom "${read.column}" (${read.field})`).join('; ');
    return {
      ...preview,
      rowCount: null,
      problem: {
        file: request.shownAs,
        ...(first === undefined ? {} : { column: first.column }),
        message: `de nieuwe versie mist ${dropped.length === 1 ? 'een kolom' : 'kolommen'} die de huidige wel heeft en die indicatoren gebruiken: ${list}. Voeg de kolom weer toe, of pas eerst die indicatoren aan.`,
      },
    };
  } catch (error) {
    // The engine's process was stopped (time, memory, a crash): the file is the cause, and the server goes on.
    return { format: request.format, columns: [], missingColumns: [], rows: [], rowCount: null, problem: { file: request.shownAs, message: `het lezen ${(error as Error).message}` } };
  } finally {
    await session.close();
  }
}

/** The preview with its problem naming the workspace file, not the waiting upload. */
function named(preview: SourcePreview, request: PreviewRequest): SourcePreview {
  const problem = preview.problem;
  if (problem === null) return preview;
  const renamed: SourceProblem = { ...problem, file: problem.file === request.upload || problem.file.startsWith('.uploads/') ? request.shownAs : problem.file };
  return { ...preview, problem: renamed };
}

/** `data/misdrijven.csv:3: column "aantal": ...`: a problem as one line, as `koers check` prints one. */
export function problemLine(problem: SourceProblem): string {
  return `${problem.file}${problem.line === undefined ? '' : `:${problem.line}`}: ${problem.message}`;
}
