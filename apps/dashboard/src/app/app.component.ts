import { ChangeDetectionStrategy, Component, type ElementRef, viewChild } from '@angular/core';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterOutlet } from '@angular/router';
import { DemoDataBannerComponent } from './demo-data-banner/demo-data-banner.component';
import { MunicipalitySwitcherComponent } from './municipality-switcher/municipality-switcher.component';

/** The frame of every page: skip link, toolbar with the municipality switcher, demo notice, content. */
@Component({
  selector: 'koers-root',
  imports: [MatToolbarModule, RouterOutlet, DemoDataBannerComponent, MunicipalitySwitcherComponent],
  templateUrl: './app.component.html',
  styleUrl: './app.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppComponent {
  private readonly content = viewChild.required<ElementRef<HTMLElement>>('content');

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
