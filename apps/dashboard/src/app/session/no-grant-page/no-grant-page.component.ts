import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { SessionStore } from '../session.store';

/**
 * `/geen-toegang`: a signed-in user who holds no role in any municipality
 * yet. Says whom to ask, with the e-mail address to give them.
 */
@Component({
  selector: 'koers-no-grant-page',
  template: `
    <h1 class="koers-page-heading">U heeft nog geen toegang tot een gemeente</h1>
    @if (session.viewer(); as viewer) {
      <div class="koers-card explanation">
        <p>
          U bent aangemeld als <strong>{{ viewer.name }}</strong> ({{ viewer.email }}), maar u heeft in Koers nog geen rol in
          een gemeente. Zonder rol ziet u geen cijfers.
        </p>
        <p>
          Vraag de beheerder van Koers in uw gemeente (meestal het team Data Gedreven Werken of de functioneel beheerder) om
          u een rol te geven, en noem daarbij uw e-mailadres <strong>{{ viewer.email }}</strong>. Meld u daarna opnieuw aan.
        </p>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 42rem;
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
export class NoGrantPageComponent {
  protected readonly session = inject(SessionStore);
}
