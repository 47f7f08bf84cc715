import { ChangeDetectionStrategy, Component, computed, DestroyRef, type ElementRef, inject, viewChild } from '@angular/core';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, map, pairwise } from 'rxjs';
import { DemoDataBannerComponent } from './demo-data-banner/demo-data-banner.component';
import { currentPath } from './layout/current-path';
import { MunicipalitySwitcherComponent } from './municipality-switcher/municipality-switcher.component';
import { MunicipalitiesStore } from './municipalities/municipalities.store';
import { InstallationStore } from './system/installation.store';

/**
 * The frame of every page: skip link, toolbar with the sections and the
 * municipality switcher, the demo notice (only on a demo installation), content.
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

  private readonly path = currentPath();

  /** The municipality in the URL, for the section links; null on the start page. */
  protected readonly municipalityId = computed(() => this.path()[0] ?? null);

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
