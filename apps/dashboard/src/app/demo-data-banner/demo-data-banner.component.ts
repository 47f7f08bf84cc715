import { ChangeDetectionStrategy, Component } from '@angular/core';

/**
 * Says plainly that the figures are made up, so nobody quotes a demo value as a
 * real one. Shown on every page of a demo installation.
 */
@Component({
  selector: 'koers-demo-data-banner',
  template: `
    <p class="banner">
      <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M11 7h2v2h-2zm0 4h2v6h-2zm1-9C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 18c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8z"
        />
      </svg>
      <span
        ><strong>Demogegevens: alle cijfers zijn fictief.</strong> Dit is een voorbeeldomgeving om Koers te
        verkennen.</span
      >
    </p>
  `,
  styles: `
    :host {
      display: block;
      background: #fff4ce;
      color: #3d2e00;
      border-bottom: 1px solid #e0c873;
    }

    .banner {
      display: flex;
      align-items: flex-start;
      gap: 0.5rem;
      max-width: 72rem;
      box-sizing: border-box;
      margin: 0 auto;
      padding: 0.5rem 1rem;
      font: var(--mat-sys-body-medium);
    }

    .icon {
      flex: none;
      margin-top: 0.0625rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DemoDataBannerComponent {}
