import type { Routes } from '@angular/router';
import { firstMunicipalityGuard } from './municipalities/first-municipality.guard';

/** Every page is loaded on first visit; the municipality is the first path segment. */
export const appRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Koers',
    canActivate: [firstMunicipalityGuard],
    loadComponent: () => import('./start-page/start-page.component').then((module) => module.StartPageComponent),
  },
  {
    path: ':municipalityId/programmas',
    title: "Programma's · Koers",
    loadComponent: () =>
      import('./programs/programs-page/programs-page.component').then((module) => module.ProgramsPageComponent),
  },
  { path: ':municipalityId', pathMatch: 'full', redirectTo: ':municipalityId/programmas' },
  { path: '**', redirectTo: '' },
];
