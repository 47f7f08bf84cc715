import type { EnvironmentProviders } from '@angular/core';
import { provideRouter, type Routes, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { firstMunicipalityGuard } from './municipalities/first-municipality.guard';

/**
 * Every page is loaded on first visit; the municipality is the first path
 * segment, so an address names what it shows and survives a reload.
 */
export const appRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Koers',
    canActivate: [firstMunicipalityGuard],
    loadComponent: () => import('./start-page/start-page.component').then((module) => module.StartPageComponent),
  },
  {
    path: ':municipalityId',
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadComponent: () =>
          import('./overview/overview-page/overview-page.component').then((module) => module.OverviewPageComponent),
      },
      // The overview lists the programs; the old list address leads there.
      { path: 'programmas', pathMatch: 'full', redirectTo: '' },
      {
        path: 'programmas/:programId',
        loadComponent: () =>
          import('./programs/program-page/program-page.component').then((module) => module.ProgramPageComponent),
      },
      {
        path: 'indicatoren/:indicatorId',
        loadComponent: () =>
          import('./indicators/indicator-page/indicator-page.component').then((module) => module.IndicatorPageComponent),
      },
      {
        path: 'vergelijken',
        pathMatch: 'full',
        loadComponent: () =>
          import('./compare/comparable-page/comparable-page.component').then((module) => module.ComparablePageComponent),
      },
      {
        path: 'vergelijken/:indicatorId',
        loadComponent: () =>
          import('./compare/compare-page/compare-page.component').then((module) => module.ComparePageComponent),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];

/**
 * The router as the app and its specs use it: route parameters and `?periode=`
 * bound to the pages' inputs; links to `#...` scroll there, a new page starts at the top.
 */
export function provideKoersRouter(): EnvironmentProviders {
  return provideRouter(
    appRoutes,
    withComponentInputBinding(),
    withInMemoryScrolling({ anchorScrolling: 'enabled', scrollPositionRestoration: 'enabled' }),
  );
}
