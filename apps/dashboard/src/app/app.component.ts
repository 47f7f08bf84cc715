import { ChangeDetectionStrategy, Component, computed, DestroyRef, type ElementRef, inject, signal, viewChild } from '@angular/core';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, map, pairwise } from 'rxjs';
import { DemoDataBannerComponent } from './demo-data-banner/demo-data-banner.component';
import { mayEditDefinitions } from './indicator-editor/editor-access';
import { currentPath } from './layout/current-path';
import { MunicipalitySwitcherComponent } from './municipality-switcher/municipality-switcher.component';
import { MunicipalitiesStore } from './municipalities/municipalities.store';
import { SessionStore } from './session/session.store';
import { hasGrantIn, mayManageSources, mayReadAudit, mayReadLiveFigures } from './session/viewer-abilities';
import { InstallationStore } from './system/installation.store';

/** Paths whose first segment names no municipality. */
const pagesOutsideMunicipalities = new Set(['aanmelden', 'geen-toegang', 'public']);

/**
 * The frame of every page: skip link, toolbar with the sections the user's
 * role opens, the municipality switcher, who is signed in and "Afmelden", the
 * demo notice (only on a demo installation), content.
 */
@Component({
  selector: 'koers-root',
  imports: [
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    DemoDataBannerComponent,
    MunicipalitySwitcherComponent,
  ],
  templateUrl: './app.component.html',
  styleUrl: './app.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppComponent {
  private readonly content = viewChild.required<ElementRef<HTMLElement>>('content');
  protected readonly installation = inject(InstallationStore);
  private readonly municipalities = inject(MunicipalitiesStore);
  private readonly session = inject(SessionStore);

  private readonly path = currentPath();

  /** Who is signed in; null on the sign-in page and while unknown. */
  protected readonly viewer = computed(() => this.session.viewer() ?? null);

  /** The municipality in the URL, for the section links; null on the start page and pages of no municipality. */
  protected readonly municipalityId = computed(() => {
    const first = this.path()[0];
    return first === undefined || pagesOutsideMunicipalities.has(first) || this.viewer() === null ? null : first;
  });

  /** The sections of the municipality the user's roles there open. */
  protected readonly sections = computed(() => {
    const municipalityId = this.municipalityId();
    const viewer = this.viewer();
    if (municipalityId === null) return { figures: false, reports: false, audit: false, sources: false, definitions: false };
    const figures = mayReadLiveFigures(viewer, municipalityId);
    return {
      figures,
      // Everyone with a role reads the published reports; the college also drafts them there.
      reports: hasGrantIn(viewer, municipalityId),
      audit: mayReadAudit(viewer, municipalityId),
      sources: mayManageSources(viewer, municipalityId),
      definitions: mayEditDefinitions(viewer, municipalityId),
    };
  });

  protected readonly isSigningOut = signal(false);
  protected readonly signOutFailed = signal(false);

  /** The name shown where the switcher appears once loaded. */
  protected readonly municipalityName = computed(() => {
    const municipalityId = this.municipalityId();
    return municipalityId === null ? '' : (this.municipalities.nameOf(municipalityId) ?? '');
  });

  constructor() {
    // After following a link to another page, keyboard and screen-reader users start at
    // its content, not at the link they left. Another `?periode=` on the same page keeps focus.
    const subscription = inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        map((event) => event.urlAfterRedirects.split(/[?#]/)[0]),
        pairwise(),
        filter(([previous, next]) => previous !== next),
      )
      .subscribe(() => this.content().nativeElement.focus({ preventScroll: true }));
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  /** Ends the session; the sign-in page follows. Says so when the server could not confirm it. */
  protected async signOut(): Promise<void> {
    if (this.isSigningOut()) return;
    this.isSigningOut.set(true);
    this.signOutFailed.set(false);
    const isSignedOut = await this.session.signOut();
    this.isSigningOut.set(false);
    this.signOutFailed.set(!isSignedOut);
  }

  /**
   * The skip link moves focus to the content itself: a plain `#inhoud` link would
   * resolve against `<base href="/">` and leave the page.
   */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    // Focusing scrolls the content into view as well.
    this.content().nativeElement.focus();
  }
}
