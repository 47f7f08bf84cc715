import { computed, inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, PRIMARY_OUTLET, Router } from '@angular/router';
import { filter, map } from 'rxjs';

/**
 * The segments of the current path, after redirects (`['uithoorn', 'indicatoren', 'vernielingen']`),
 * for what sits outside the routed page: the toolbar and the switcher. Call it in an injection context.
 */
export function currentPath(): Signal<readonly string[]> {
  const router = inject(Router);
  const url = toSignal(
    router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: router.url },
  );
  return computed(
    () => router.parseUrl(url()).root.children[PRIMARY_OUTLET]?.segments.map((segment) => segment.path) ?? [],
  );
}
