import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';

bootstrapApplication(AppComponent, appConfig).catch((error: unknown) => {
  // Nothing is on screen when bootstrapping fails: say so where a developer looks.
  console.error('Koers: het dashboard kon niet starten.', error);
});
