import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MunicipalitiesStore } from '../municipalities/municipalities.store';
import { SessionStore } from '../session/session.store';
import { hasGrantIn } from '../session/viewer-abilities';
import { currentPath } from './current-path';

/**
 * What follows a FORBIDDEN answer: where the user can go instead. With a
 * role in this municipality that does not open this page, its start page;
 * without any role here, their own municipalities.
 */
@Component({
  selector: 'koers-no-access',
  imports: [RouterLink],
  template: `
    @if (municipalityId(); as municipalityId) {
      @if (hasRoleHere()) {
        <p>
          Uw rol in deze gemeente geeft geen toegang tot deze pagina.
          <a [routerLink]="['/', municipalityId]">Naar de startpagina van {{ nameHere() }}</a>
        </p>
      } @else if (ownMunicipalities().length > 0) {
        <p>U heeft wel toegang tot de gegevens van:</p>
        <ul class="own">
          @for (municipality of ownMunicipalities(); track municipality.id) {
            <li>
              <a [routerLink]="['/', municipality.id]">{{ municipality.name }}</a>
            </li>
          }
        </ul>
      }
    }
  `,
  styles: `
    .own {
      margin: 0 0 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NoAccessComponent {
  private readonly session = inject(SessionStore);
  private readonly municipalities = inject(MunicipalitiesStore);
  private readonly path = currentPath();

  protected readonly municipalityId = computed(() => this.path()[0] ?? null);
  protected readonly hasRoleHere = computed(() => {
    const municipalityId = this.municipalityId();
    return municipalityId !== null && hasGrantIn(this.session.viewer(), municipalityId);
  });
  protected readonly nameHere = computed(() => this.municipalities.nameOf(this.municipalityId() ?? '') ?? 'deze gemeente');
  protected readonly ownMunicipalities = computed(() =>
    this.municipalities.municipalities().filter((municipality) => municipality.id !== this.municipalityId()),
  );
}
