import {
  indicatorSchema,
  programSchema,
  sourceSchema,
  workspaceSettingsSchema,
  type IndicatorDefinition,
  type Program,
  type SourceDefinition,
  type Workspace,
  type WorkspaceProblem,
} from '@koers/domain';
import type { z } from 'zod';
import { parseDefinition, placeOf, type DefinitionFolder, type ParsedDefinition } from './definition-file';
import { duplicateIdProblems } from './duplicate-ids';
import { checkIndicatorReferences } from './indicator-references.checks';
import { sortProblems } from './problem-order';
import { checkActionIdsAcrossPrograms, checkProgram } from './program.checks';
import type { ReferenceTarget } from './reference-target';
import { schemaProblems } from './schema-problems';
import { checkSource } from './source.checks';
import { defaultWorkspaceLimits, type WorkspaceLimits } from './workspace-limits';
import { readYamlFile, type YamlFile } from './yaml-file';

/** A workspace as read, with every problem found in it. */
export interface LoadedWorkspace {
  readonly workspace: Workspace;
  readonly problems: readonly WorkspaceProblem[];
}

/** How a workspace is read: the limits, each defaulting to {@link defaultWorkspaceLimits}. */
export interface ReadOptions {
  readonly limits?: Partial<WorkspaceLimits>;
}

/** One file of a workspace: its path relative to the root (with `/`), and its text. */
export interface WorkspaceFile {
  readonly path: string;
  readonly text: string;
}

const fieldsHints: Readonly<Record<DefinitionFolder, string>> = {
  sources: 'title, path, format',
  indicators: 'title, unit, direction, grain, source, time, measure',
  programs: 'title, effects, tasks',
};

/**
 * Reads a workspace from its files, touching no file system (WORKSPACE-FORMAT.md).
 * Returns every problem at once, each with file, line and field where there is
 * one, and every item that is fine, so the rest can still be computed and shown.
 * An item with a schema error or a duplicate id is left out, as is an indicator
 * whose source is not in the workspace; a dangling reference inside a program is
 * dropped and the program kept. Items are sorted by id (programs by their budget
 * `number` first), problems by file and line.
 *
 * @param root the workspace folder (stored as `workspace.root`; its name is the
 *   municipality when `koers.yaml` names none)
 * @param files paths relative to `root` with `/` separators, e.g. `indicators/x.yaml`, `koers.yaml`
 * @param options the limits per file (size, alias expansion); a file past one is a problem
 *
 * @example
 * const { workspace, problems } = parseWorkspace('/data/uithoorn', [
 *   { path: 'sources/misdrijven.yaml', text: 'title: Misdrijven\npath: data/misdrijven.csv\n' },
 * ]);
 */
export function parseWorkspace(root: string, files: ReadonlyArray<WorkspaceFile>, options: ReadOptions = {}): LoadedWorkspace {
  const limits = { ...defaultWorkspaceLimits, ...options.limits };
  const problems: WorkspaceProblem[] = [];
  let municipality: string | undefined;
  const definitions: Record<DefinitionFolder, Array<{ name: string; file: WorkspaceFile }>> = {
    sources: [],
    indicators: [],
    programs: [],
  };

  // Sorted, so problems and messages naming several files read the same whatever order the files came in.
  const sortedFiles = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of sortedFiles) {
    const place = placeOf(file.path);
    if (place.kind === 'misplaced') problems.push(place.problem);
    else if (place.kind === 'definition') definitions[place.folder].push({ name: place.name, file });
    else if (place.kind === 'settings') municipality = readSettings(file, limits, problems);
  }

  const parse = <T>(folder: DefinitionFolder, schema: z.ZodType<T>) =>
    definitions[folder].map(({ name, file }) => parseDefinition(file.path, name, file.text, schema, fieldsHints[folder], limits));

  const sources = keepUnique(parse<z.infer<typeof sourceSchema>>('sources', sourceSchema), problems);
  const checkedSources = sources.kept.flatMap(({ item, yaml }) => {
    const checked = checkSource(item, yaml);
    problems.push(...checked.problems);
    return checked.source ? [checked.source] : [];
  });
  const sourceTarget = referenceTarget('source', 'sources', checkedSources, sources.all);

  const indicators = keepUnique(parse<z.infer<typeof indicatorSchema>>('indicators', indicatorSchema), problems);
  const checkedIndicators = indicators.kept.flatMap(({ item, yaml }) => {
    const checked = checkIndicatorReferences(item, yaml, sourceTarget);
    problems.push(...checked.problems);
    return checked.indicator ? [checked.indicator] : [];
  });
  const indicatorTarget = referenceTarget('indicator', 'indicators', checkedIndicators, indicators.all);

  const programs = keepUnique(parse<z.infer<typeof programSchema>>('programs', programSchema), problems);
  const checkedPrograms = programs.kept.flatMap(({ item, yaml }) => {
    const checked = checkProgram(item, yaml, indicatorTarget);
    problems.push(...checked.problems);
    return checked.program ? [{ program: checked.program, yaml }] : [];
  });
  const acrossPrograms = checkActionIdsAcrossPrograms(checkedPrograms);
  problems.push(...acrossPrograms.problems);

  const workspace: Workspace = {
    root,
    municipality: municipality ?? folderName(root),
    sources: byId<SourceDefinition>(checkedSources),
    indicators: byId<IndicatorDefinition>(checkedIndicators),
    programs: inBudgetOrder(acrossPrograms.programs),
  };
  return { workspace, problems: sortProblems(problems) };
}

function readSettings(file: WorkspaceFile, limits: WorkspaceLimits, problems: WorkspaceProblem[]): string | undefined {
  const read = readYamlFile(file.path, file.text, 'municipality', limits);
  if (!read.isOk) {
    problems.push(...read.problems);
    return undefined;
  }
  const parsed = workspaceSettingsSchema.safeParse(read.yaml.value);
  if (!parsed.success) {
    problems.push(...schemaProblems(workspaceSettingsSchema, read.yaml, parsed.error.issues));
    return undefined;
  }
  return parsed.data.municipality;
}

interface Kept<T> {
  readonly item: T & { readonly id: string; readonly file: string };
  readonly yaml: YamlFile;
}

/** Collects the problems of each file and keeps the valid items whose id no other file shares. */
function keepUnique<T>(
  all: readonly ParsedDefinition<T>[],
  problems: WorkspaceProblem[],
): { readonly kept: readonly Kept<T>[]; readonly all: readonly ParsedDefinition<T>[] } {
  const duplicates = duplicateIdProblems(all);
  problems.push(...all.flatMap((definition) => definition.problems), ...duplicates.problems);
  const kept = all.flatMap(({ item, yaml, file }) =>
    item && yaml && !duplicates.duplicateFiles.has(file) ? [{ item, yaml }] : [],
  );
  return { kept, all };
}

function referenceTarget(
  noun: string,
  folder: string,
  valid: ReadonlyArray<{ readonly id: string }>,
  all: ReadonlyArray<ParsedDefinition<unknown>>,
): ReferenceTarget {
  const validIds = new Set(valid.map((item) => item.id));
  const leftOutFiles = new Map<string, string[]>();
  for (const { id, file } of all) {
    // A file whose id cannot be told (bad YAML, a bad id field) most likely
    // meant its file name: references to that name point at the file to fix.
    const meant = id ?? file.slice(file.lastIndexOf('/') + 1).replace(/\.yaml$/, '');
    if (validIds.has(meant)) continue;
    leftOutFiles.set(meant, [...(leftOutFiles.get(meant) ?? []), file]);
  }
  return { noun, folder, validIds, leftOutFiles };
}

function byId<T extends { readonly id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Programs by their budget number (those without one last), then by id. */
function inBudgetOrder(programs: readonly Program[]): Program[] {
  const rank = (program: Program): number => program.number ?? Number.MAX_SAFE_INTEGER;
  return byId(programs).sort((a, b) => rank(a) - rank(b));
}

function folderName(root: string): string {
  const parts = root.split(/[\\/]/).filter((part) => part !== '');
  return parts[parts.length - 1] ?? root;
}
