import { inject } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { type CanActivateFn, Router } from '@angular/router';
import { filter, map, take } from 'rxjs';
import { MunicipalitiesStore } from './municipalities.store';

/**
 * On `/`, opens the overview of the first municipality. When the list fails to
 * load or is empty it lets the start page through, which says why and offers a retry.
 */
export const firstMunicipalityGuard: CanActivateFn = () => {
  const store = inject(MunicipalitiesStore);
  const router = inject(Router);
  return toObservable(store.settled).pipe(
    filter((municipalities) => municipalities !== undefined),
    take(1),
    map((municipalities) => {
      const first = municipalities?.[0];
      return first ? router.createUrlTree(['/', first.id]) : true;
    }),
  );
};
