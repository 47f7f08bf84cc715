import { type ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, withInMemoryScrolling } from '@angular/router';
import { provideKoersApi } from './api/trpc-koers-api';
import { appRoutes } from './app.routes';
import { provideCharts } from './charts/provide-charts';
import { provideDutchLocale } from './locale';

/** The app's providers: zoneless (Angular's default), Dutch locale, router, API, charts. */
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideDutchLocale(),
    provideRouter(
      appRoutes,
      // Links to a program (`#programma-...`) scroll to it; a new page starts at the top.
      withInMemoryScrolling({ anchorScrolling: 'enabled', scrollPositionRestoration: 'enabled' }),
    ),
    provideKoersApi('/trpc'),
    provideCharts(),
  ],
};
