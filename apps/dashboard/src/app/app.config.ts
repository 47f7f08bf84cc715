import { type ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideKoersClient } from './api/koers-client';
import { provideKoersRouter } from './app.routes';
import { provideDutchLocale } from './locale';

/** The app's providers: zoneless (Angular's default), Dutch locale, router, API client. */
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideDutchLocale(),
    provideKoersRouter(),
    provideKoersClient('/trpc'),
  ],
};
