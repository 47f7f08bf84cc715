import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { apiResource } from '../../api/api-resource';
import { KOERS_CLIENT } from '../../api/koers-client';
import { LoadStateComponent } from '../../layout/load-state.component';
import { pageTitle } from '../../layout/page-title';

/** `/:municipalityId/vergelijken`: the indicators that two or more municipalities of the installation define. */
@Component({
  selector: 'koers-comparable-page',
  imports: [LoadStateComponent, RouterLink],
  template: `
    <h1 class="koers-page-heading">Gemeenten vergelijken</h1>
    <p class="lead">
      Kies een indicator die meer gemeenten van deze installatie berekenen. De BBV-beleidsindicatoren zijn hiervoor gemaakt:
      elke gemeente rapporteert ze op dezelfde manier.
    </p>
    <koers-load-state [resource]="comparable" subject="De lijst met indicatoren" />
    @if (comparable.value(); as indicators) {
      @if (indicators.length > 0) {
        <ul class="indicators koers-plain-list">
          @for (indicator of indicators; track indicator.id) {
            <li class="koers-card">
              <a [routerLink]="['/', municipalityId(), 'vergelijken', indicator.id]">{{ indicator.title }}</a>
              <span class="facts">
                @if (indicator.isBbv) {
                  <span class="tag">BBV</span>
                }
                eenheid: {{ indicator.unit }} · in {{ indicator.municipalityCount }} gemeenten
              </span>
            </li>
          }
        </ul>
      } @else {
        <p class="koers-empty-state">Geen indicator wordt door meer dan één gemeente berekend.</p>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }

    .lead {
      max-width: 48rem;
      margin: 0 0 1rem;
    }

    .indicators {
      li {
        display: flex;
        flex-direction: column;
        gap: 0.125rem;
      }

      a {
        font: var(--mat-sys-body-large);
        font-weight: 500;
      }
    }

    .facts {
      color: var(--koers-muted-text-color);
    }

    .tag {
      margin-right: 0.25rem;
      padding: 0 0.375rem;
      border-radius: 4px;
      background: #e3eefa;
      color: #0a4a8a;
      font: var(--mat-sys-label-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComparablePageComponent {
  /** From the route: where "back" leads, and which municipality the comparisons open in. */
  readonly municipalityId = input.required<string>();

  private readonly client = inject(KOERS_CLIENT);

  protected readonly comparable = apiResource({
    params: () => true,
    loader: (_, signal) => this.client.indicators.comparable.query(undefined, { signal }),
  });

  constructor() {
    pageTitle(() => 'Gemeenten vergelijken');
  }
}
