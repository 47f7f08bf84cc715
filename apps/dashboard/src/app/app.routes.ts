import type { EnvironmentProviders } from '@angular/core';
import { provideRouter, type Routes, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { firstMunicipalityGuard } from './municipalities/first-municipality.guard';
import { liveFiguresGuard, signedInGuard, signedOutGuard } from './session/signed-in.guard';

/**
 * Every page is loaded on first visit; the municipality is the first path
 * segment, so an address names what it shows and survives a reload. Every
 * page but the sign-in page needs a signed-in user (`signedInGuard`, before
 * the page loads anything); the live figures need a role that reads them
 * (`liveFiguresGuard`: the council gets its reports page).
 */
export const appRoutes: Routes = [
  {
    path: 'aanmelden',
    title: 'Aanmelden · Koers',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./session/sign-in-page/sign-in-page.component').then((module) => module.SignInPageComponent),
  },
  {
    // The public page of a published report (Wet open overheid): no sign-in.
    path: 'public/:municipalityId/reports/:quarter',
    title: 'Openbare kwartaalrapportage · Koers',
    loadComponent: () => import('./reports/public-report-page/public-report-page.component').then((module) => module.PublicReportPageComponent),
  },
  {
    path: '',
    canActivateChild: [signedInGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Koers',
        canActivate: [firstMunicipalityGuard],
        loadComponent: () => import('./start-page/start-page.component').then((module) => module.StartPageComponent),
      },
      {
        path: 'geen-toegang',
        title: 'Nog geen toegang · Koers',
        loadComponent: () =>
          import('./session/no-grant-page/no-grant-page.component').then((module) => module.NoGrantPageComponent),
      },
      {
        path: ':municipalityId',
        children: [
          {
            path: 'rapportages',
            loadComponent: () =>
              import('./reports/reports-page/reports-page.component').then((module) => module.ReportsPageComponent),
          },
          {
            path: 'moties',
            loadComponent: () => import('./reports/motions-page/motions-page.component').then((module) => module.MotionsPageComponent),
          },
          {
            path: 'rapportages/:quarter',
            loadComponent: () => import('./reports/report-page/report-page.component').then((module) => module.ReportPageComponent),
          },
          {
            path: 'logboek',
            loadComponent: () => import('./audit/audit-page/audit-page.component').then((module) => module.AuditPageComponent),
          },
          // The data team's sources and its API tokens (admins too); the server refuses anyone else.
          { path: 'bronnen', loadChildren: () => import('./sources/sources.routes').then((module) => module.sourcesRoutes) },
          {
            path: 'api-sleutels',
            title: 'API-sleutels · Koers',
            loadComponent: () => import('./tokens/tokens-page/tokens-page.component').then((module) => module.TokensPageComponent),
          },
          {
            path: 'definities',
            pathMatch: 'full',
            loadComponent: () =>
              import('./indicator-editor/definitions-page/definitions-page.component').then((module) => module.DefinitionsPageComponent),
          },
          {
            path: 'definities/nieuw',
            loadComponent: () =>
              import('./indicator-editor/indicator-editor-page/indicator-editor-page.component').then(
                (module) => module.IndicatorEditorPageComponent,
              ),
          },
          {
            path: 'definities/:indicatorId',
            loadComponent: () =>
              import('./indicator-editor/indicator-editor-page/indicator-editor-page.component').then(
                (module) => module.IndicatorEditorPageComponent,
              ),
          },
          {
            path: '',
            canActivateChild: [liveFiguresGuard],
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
                path: 'programmas/:programId/bewerken',
                loadComponent: () =>
                  import('./program-editor/program-editor-page/program-editor-page.component').then((module) => module.ProgramEditorPageComponent),
              },
              {
                path: 'acties',
                loadComponent: () =>
                  import('./progress/actions-board-page/actions-board-page.component').then((module) => module.ActionsBoardPageComponent),
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
        ],
      },
      { path: '**', redirectTo: '' },
    ],
  },
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
