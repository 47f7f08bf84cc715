import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DefinitionFileHash, Workspace } from '@koers/domain';

/** The definition files a computation read: their hashes for the record, and the indicators' texts for the lineage. */
export interface DefinitionFiles {
  readonly hashes: readonly DefinitionFileHash[];
  /** The YAML text per indicator id; absent when the file could not be read. */
  readonly indicatorTexts: ReadonlyMap<string, string>;
}

/**
 * Reads the definition files of everything the workspace loader accepted
 * (sources, indicators, programs) once more, to record which text a
 * computation used. Only files the loader read are touched; one that cannot
 * be read now is left out.
 */
export async function readDefinitionFiles(workspace: Workspace): Promise<DefinitionFiles> {
  const hashes: DefinitionFileHash[] = [];
  const indicatorTexts = new Map<string, string>();
  const items = [...workspace.sources, ...workspace.indicators, ...workspace.programs];
  const indicatorIds = new Set(workspace.indicators.map((indicator) => indicator.id));
  for (const item of items) {
    if (item.file === undefined) continue;
    const bytes = await readFile(join(workspace.root, item.file)).catch(() => undefined);
    if (bytes === undefined) continue;
    hashes.push({ file: item.file, sha256: createHash('sha256').update(bytes).digest('hex') });
    if (indicatorIds.has(item.id) && item.file.startsWith('indicators/')) indicatorTexts.set(item.id, bytes.toString('utf8'));
  }
  hashes.sort((left, right) => left.file.localeCompare(right.file));
  return { hashes, indicatorTexts };
}
