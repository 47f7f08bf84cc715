import type { Routes } from '@angular/router';

/** `/:municipalityId/bronnen/...`: the data team's sources, each page loaded on first visit. */
export const sourcesRoutes: Routes = [
  { path: '', pathMatch: 'full', loadComponent: () => import('./sources-page/sources-page.component').then((module) => module.SourcesPageComponent) },
  { path: 'nieuw', loadComponent: () => import('./new-source-page/new-source-page.component').then((module) => module.NewSourcePageComponent) },
  { path: ':sourceId', loadComponent: () => import('./source-page/source-page.component').then((module) => module.SourcePageComponent) },
];

/**
 * Where "Indicator maken op deze bron" leads: the indicator editor's new
 * indicator, with the source filled in (`?bron=<id>`). The editor owns that
 * page; this is the one place the sources pages name it.
 */
export function newIndicatorLink(municipalityId: string, sourceId: string): { readonly commands: readonly string[]; readonly queryParams: Readonly<Record<string, string>> } {
  return { commands: ['/', municipalityId, 'definities', 'nieuw'], queryParams: { bron: sourceId } };
}
