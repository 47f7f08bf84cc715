import type { ColumnType, SourceFormat } from '@koers/domain';
import { stringify } from 'yaml';

/** A new source as the data team declared it. */
export interface NewSourceDefinition {
  readonly sourceId: string;
  readonly title: string;
  readonly path: string;
  readonly format: SourceFormat;
  readonly owner?: string;
  readonly description?: string;
  readonly columns: Readonly<Record<string, ColumnType>>;
}

/**
 * `sources/<id>.yaml` in the workspace format (`docs/workspace-format.md`):
 * title, path, format, owner and description where given, and the declared
 * columns in the file's order. The id is the file's name, so it is not written.
 */
export function newSourceYaml(source: NewSourceDefinition): string {
  const document = {
    title: source.title,
    path: source.path,
    format: source.format,
    ...(source.owner ? { owner: source.owner } : {}),
    ...(source.description ? { description: source.description } : {}),
    ...(Object.keys(source.columns).length > 0 ? { columns: { ...source.columns } } : {}),
  };
  return `# Aangemaakt in Koers (Bronnen, Nieuwe bron).\n${stringify(document, { lineWidth: 0 })}`;
}
