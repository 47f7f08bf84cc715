import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { MunicipalitiesStore } from '../municipalities/municipalities.store';

/**
 * `/` when there is no municipality to open: the list could not be loaded (with
 * the reason and a retry), or the installation serves none yet.
 */
@Component({
  selector: 'koers-start-page',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink],
  templateUrl: './start-page.component.html',
  styleUrl: './start-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StartPageComponent {
  protected readonly store = inject(MunicipalitiesStore);
}
