import { registerLocaleData } from '@angular/common';
import localeNl from '@angular/common/locales/nl';
import { LOCALE_ID, type Provider } from '@angular/core';

/** Dates and numbers the Dutch way ("31 december 2025", "1.234,5"), for the app and its tests. */
export function provideDutchLocale(): Provider {
  registerLocaleData(localeNl);
  return { provide: LOCALE_ID, useValue: 'nl' };
}
