import { type ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideKoersClient } from './api/koers-client';
import { provideKoersRouter } from './app.routes';
import { provideDutchLocale } from './locale';
import { SessionStore } from './session/session.store';

/** The app's providers: zoneless (Angular's default), Dutch locale, router, API client. */
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideDutchLocale(),
    provideKoersRouter(),
    // An UNAUTHORIZED answer on any page: the session ended, so the sign-in page.
    provideKoersClient('/trpc', (injector) => injector.get(SessionStore).expired()),
  ],
};
