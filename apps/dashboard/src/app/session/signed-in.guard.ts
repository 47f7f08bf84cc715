import { inject } from '@angular/core';
import type { CanActivateChildFn, CanActivateFn } from '@angular/router';
import { Router } from '@angular/router';
import { safeReturnPath, signInUrl } from './return-path';
import { SessionStore } from './session.store';
import { hasGrantIn, mayReadLiveFigures } from './viewer-abilities';

/** The page for a signed-in user without any grant. */
export const noGrantPath = '/geen-toegang';

/**
 * Before any page that loads data: someone not signed in goes to the sign-in
 * page (which leads back here), someone without any grant to the page that
 * says whom to ask. Used as `canActivateChild` on the routes' parent, so it
 * runs on every navigation, also after the session ended.
 */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const router = inject(Router);
  const viewer = await inject(SessionStore).load();
  if (viewer === null) return router.parseUrl(signInUrl(state.url));
  const isNoGrantPage = state.url.split(/[?#]/)[0] === noGrantPath;
  if (viewer.grants.length === 0) return isNoGrantPage ? true : router.parseUrl(noGrantPath);
  return isNoGrantPage ? router.parseUrl('/') : true;
};

/** The sign-in page is for those not signed in; a signed-in user goes on to where they were going. */
export const signedOutGuard: CanActivateFn = async (route) => {
  // Injected before the first await: the injection context ends there.
  const router = inject(Router);
  const viewer = await inject(SessionStore).load();
  return viewer === null ? true : router.parseUrl(safeReturnPath(route.queryParamMap.get('terug')));
};

/**
 * The live figures of a municipality (overview, programs, indicators,
 * comparisons): a council member there, who reads the published reports
 * instead, gets the reports page. Someone without any grant there goes on:
 * the page shows the server's refusal, with their own municipalities.
 */
export const liveFiguresGuard: CanActivateChildFn = async (route) => {
  const municipalityId = route.pathFromRoot.map((step) => step.paramMap.get('municipalityId')).find((id) => id !== null) ?? null;
  const router = inject(Router);
  const viewer = await inject(SessionStore).load();
  if (municipalityId === null || !hasGrantIn(viewer, municipalityId) || mayReadLiveFigures(viewer, municipalityId)) return true;
  return router.createUrlTree(['/', municipalityId, 'rapportages']);
};
