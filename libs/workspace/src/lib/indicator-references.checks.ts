import type { IndicatorDefinition, WorkspaceProblem } from '@koers/domain';
import { danglingReferenceMessage, type ReferenceTarget } from './reference-target';
import type { YamlFile } from './yaml-file';

/**
 * Checks an indicator against the workspace: its `source` and `per.source` must
 * name a source that is in the workspace (else it cannot be computed and is left
 * out). A dimension listed twice is reported and listed once.
 */
export function checkIndicatorReferences(
  indicator: IndicatorDefinition & { readonly file: string },
  yaml: YamlFile,
  sources: ReferenceTarget,
): { readonly indicator?: IndicatorDefinition; readonly problems: readonly WorkspaceProblem[] } {
  const problems: WorkspaceProblem[] = [];
  const references: Array<{ readonly path: readonly string[]; readonly id: string }> = [{ path: ['source'], id: indicator.source }];
  if (indicator.per) references.push({ path: ['per', 'source'], id: indicator.per.source });
  for (const reference of references) {
    if (sources.validIds.has(reference.id)) continue;
    problems.push({
      file: indicator.file,
      line: yaml.lineOf(reference.path),
      field: reference.path.join('.'),
      message: `${danglingReferenceMessage(sources, reference.id)}; the indicator is left out until then`,
    });
  }

  const seen = new Set<string>();
  indicator.dimensions.forEach((dimension, index) => {
    if (!seen.has(dimension)) {
      seen.add(dimension);
      return;
    }
    problems.push({
      file: indicator.file,
      line: yaml.lineOf(['dimensions', index]),
      field: `dimensions[${index}]`,
      message: `dimension "${dimension}" is listed twice: remove this one`,
    });
  });

  if (problems.some((problem) => problem.field === 'source' || problem.field === 'per.source')) return { problems };
  return { indicator: { ...indicator, dimensions: [...seen] }, problems };
}
