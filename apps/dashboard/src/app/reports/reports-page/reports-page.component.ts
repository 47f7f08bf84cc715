import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { pageTitle } from '../../layout/page-title';
import { MunicipalitiesStore } from '../../municipalities/municipalities.store';
import { SessionStore } from '../../session/session.store';
import { mayReadLiveFigures } from '../../session/viewer-abilities';

/**
 * `/:municipalityId/rapportages`: the quarterly reports the college publishes
 * to the council. None are published in Koers yet; until they are, the page
 * says plainly what a council member will read here, rather than an error
 * where the live figures are not theirs to read.
 */
@Component({
  selector: 'koers-reports-page',
  imports: [RouterLink],
  template: `
    <h1 class="koers-page-heading">{{ heading() }}</h1>
    <div class="koers-card explanation">
      <p>
        Hier leest u de kwartaalrapportages van {{ name() }} zodra het college ze publiceert: per programma hoe de
        indicatoren ervoor staan, de voortgang van de acties en de toelichting van het college.
      </p>
      <p class="koers-empty-state">Er is nog geen kwartaalrapportage gepubliceerd.</p>
      @if (readsLiveFigures()) {
        <p>
          De actuele cijfers staan in het <a [routerLink]="['/', municipalityId()]">overzicht van {{ name() }}</a>.
        </p>
      } @else {
        <p>
          De actuele cijfers, die nog kunnen veranderen, zijn voor het college en de ambtelijke organisatie. Als lid van de
          gemeenteraad leest u de cijfers zoals het college ze in de rapportage aan de raad verantwoordt.
        </p>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
      max-width: 46rem;
    }

    .explanation p {
      margin: 0 0 0.75rem;
    }

    .explanation p:last-child {
      margin-bottom: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPageComponent {
  /** From the route. */
  readonly municipalityId = input.required<string>();

  private readonly municipalities = inject(MunicipalitiesStore);
  private readonly session = inject(SessionStore);

  protected readonly name = computed(() => this.municipalities.nameOf(this.municipalityId()) ?? 'deze gemeente');
  protected readonly heading = computed(() => {
    const name = this.municipalities.nameOf(this.municipalityId());
    return name === undefined ? 'Kwartaalrapportages' : `Kwartaalrapportages van ${name}`;
  });
  protected readonly readsLiveFigures = computed(() => mayReadLiveFigures(this.session.viewer(), this.municipalityId()));

  constructor() {
    pageTitle(() => this.heading());
  }
}
