import { identifierPattern, type WorkspaceProblem } from '@koers/domain';
import type { z } from 'zod';
import { schemaProblems } from './schema-problems';
import type { WorkspaceLimits } from './workspace-limits';
import { readYamlFile, type YamlFile } from './yaml-file';

/** The three folders of definitions, one item a file. */
export const definitionFolders = ['sources', 'indicators', 'programs'] as const;
export type DefinitionFolder = (typeof definitionFolders)[number];

/** One definition file after parsing: its id where one could be told, and the item when it is valid. */
export interface ParsedDefinition<T> {
  readonly file: string;
  /** The id (the `id` field, else the file name), when it is a valid id; used to find duplicates. */
  readonly id?: string;
  /** Line of the `id` field, when the file has one. */
  readonly idLine?: number;
  readonly yaml?: YamlFile;
  /** The item, when the file parsed and matched its schema. */
  readonly item?: T & { readonly id: string; readonly file: string };
  readonly problems: readonly WorkspaceProblem[];
}

/**
 * Where a file path belongs: `koers.yaml`, a definition folder, or nothing the
 * loader reads (`data/`, a README at the root). Files starting with a dot
 * (`.gitkeep`, `.DS_Store`) are ignored.
 */
export type FilePlace =
  | { readonly kind: 'settings' }
  | { readonly kind: 'definition'; readonly folder: DefinitionFolder; readonly name: string }
  | { readonly kind: 'misplaced'; readonly problem: WorkspaceProblem }
  | { readonly kind: 'ignored' };

export function placeOf(path: string): FilePlace {
  const parts = path.split('/');
  const base = parts[parts.length - 1] ?? '';
  if (base.startsWith('.')) return { kind: 'ignored' };
  if (parts.length === 1) {
    if (path === 'koers.yaml') return { kind: 'settings' };
    if (path === 'koers.yml') return misplaced(path, 'the settings file must be named koers.yaml: rename koers.yml to koers.yaml');
    return { kind: 'ignored' };
  }
  const folder = definitionFolders.find((candidate) => candidate === parts[0]);
  if (!folder) return { kind: 'ignored' };
  if (parts.length > 2) {
    return misplaced(path, `only files directly in ${folder}/ are read: move it to ${folder}/${base}`);
  }
  if (base.endsWith('.yml')) {
    return misplaced(path, `definition files must end in .yaml: rename it to ${folder}/${base.slice(0, -'.yml'.length)}.yaml`);
  }
  if (!base.endsWith('.yaml')) {
    return misplaced(path, `only .yaml files belong in ${folder}/: rename it to .yaml if it is a definition, or move it out of ${folder}/`);
  }
  return { kind: 'definition', folder, name: base.slice(0, -'.yaml'.length) };
}

function misplaced(file: string, message: string): FilePlace {
  return { kind: 'misplaced', problem: { file, message } };
}

/**
 * Parses one definition file against its schema. The id is the `id` field, else
 * the file name; a file name that is no valid id (and no `id` field) is a problem.
 */
export function parseDefinition<T>(
  file: string,
  name: string,
  text: string,
  schema: z.ZodType<T>,
  fieldsHint: string,
  limits: WorkspaceLimits,
): ParsedDefinition<T> {
  const read = readYamlFile(file, text, fieldsHint, limits);
  if (!read.isOk) return { file, problems: read.problems };
  const { yaml } = read;
  const problems: WorkspaceProblem[] = [];

  const idField = yaml.value['id'];
  const hasIdField = idField !== undefined;
  let id: string | undefined;
  if (hasIdField) {
    if (typeof idField === 'string' && identifierPattern.test(idField)) id = idField;
  } else if (identifierPattern.test(name)) {
    id = name;
  } else {
    problems.push({
      file,
      message: `the file name "${name}" is not a valid id (a-z first, then a-z, 0-9, "_" or "-"): rename the file to ${file.slice(0, file.lastIndexOf('/') + 1)}${suggestId(name)}.yaml or add an "id:" field`,
    });
  }

  const parsed = schema.safeParse(yaml.value);
  if (!parsed.success) problems.push(...schemaProblems(schema, yaml, parsed.error.issues));

  const idLine = hasIdField ? yaml.lineOf(['id']) : undefined;
  const item = problems.length === 0 && parsed.success && id !== undefined ? { ...parsed.data, id, file } : undefined;
  return { file, id, idLine, yaml, item, problems };
}

/** A valid id close to a file name: `Winkel Diefstal` → `winkel-diefstal`. */
export function suggestId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
  return slug === '' ? 'my-id' : slug;
}
