import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { MunicipalitiesStore } from '../../municipalities/municipalities.store';
import { ProgramCardComponent } from '../program-card/program-card.component';
import { ProgramsStore } from '../programs.store';

/** `/:municipalityId/programmas`: the program budget of one municipality. */
@Component({
  selector: 'koers-programs-page',
  imports: [MatButtonModule, MatProgressBarModule, ProgramCardComponent, RouterLink],
  providers: [ProgramsStore],
  templateUrl: './programs-page.component.html',
  styleUrl: './programs-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgramsPageComponent {
  protected readonly store = inject(ProgramsStore);
  private readonly municipalities = inject(MunicipalitiesStore);

  /** "Programma's van Uithoorn", or just "Programma's" for an id the installation does not know (yet). */
  protected readonly heading = computed(() => {
    const municipalityId = this.store.municipalityId();
    const name = municipalityId === undefined ? undefined : this.municipalities.nameOf(municipalityId);
    return name === undefined ? "Programma's" : `Programma's van ${name}`;
  });
}
