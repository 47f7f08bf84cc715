import { type ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideKoersApi } from './api/trpc-koers-api';
import { appRoutes } from './app.routes';
import { provideCharts } from './charts/provide-charts';
import { provideDutchLocale } from './locale';

/** The app's providers: zoneless (Angular's default), Dutch locale, router, API, charts. */
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideDutchLocale(),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideKoersApi('/trpc'),
    provideCharts(),
  ],
};
