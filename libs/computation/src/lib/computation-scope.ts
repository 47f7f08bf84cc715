import type { Workspace } from '@koers/domain';

/**
 * The part of a workspace a computation of some indicators needs: those
 * indicators (by id, or by their file `indicators/<id>.yaml`, so a file whose
 * `id:` differs from its name is still found) and the sources they read, as
 * `source` or `per.source`. Programs stay whole: they are imported after any
 * computation. Null scope: the whole workspace.
 */
export function scopeWorkspace(workspace: Workspace, indicatorIds: readonly string[] | undefined): { readonly workspace: Workspace; readonly indicatorIds: string[] | null } {
  if (indicatorIds === undefined) return { workspace, indicatorIds: null };
  const asked = new Set(indicatorIds);
  const indicators = workspace.indicators.filter((indicator) => asked.has(indicator.id) || asked.has(fileName(indicator.file)));
  const sourceIds = new Set(indicators.flatMap((indicator) => [indicator.source, ...(indicator.per === undefined ? [] : [indicator.per.source])]));
  return {
    workspace: { ...workspace, indicators, sources: workspace.sources.filter((source) => sourceIds.has(source.id)) },
    // The ids asked stay in scope when their file is gone: the store then removes what it kept of them.
    indicatorIds: [...new Set([...indicatorIds, ...indicators.map((indicator) => indicator.id)])].sort(),
  };
}

function fileName(file: string | undefined): string {
  if (file === undefined || !file.startsWith('indicators/')) return '';
  return file.slice('indicators/'.length).replace(/\.yaml$/, '');
}
