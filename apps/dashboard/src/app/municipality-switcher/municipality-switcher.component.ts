import { ChangeDetectionStrategy, Component, computed, inject, PendingTasks } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import { KOERS_CLIENT } from '../api/koers-client';
import { currentPath } from '../layout/current-path';
import { MunicipalitiesStore } from '../municipalities/municipalities.store';
import { switchTarget } from './switch-target';

/**
 * Chooses the municipality. The choice lives in the URL (`/<municipalityId>/...`),
 * so it survives a reload and can be shared; switching keeps the kind of page
 * (overview, program, indicator, comparison).
 */
@Component({
  selector: 'koers-municipality-switcher',
  imports: [MatFormFieldModule, MatSelectModule],
  templateUrl: './municipality-switcher.component.html',
  styleUrl: './municipality-switcher.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MunicipalitySwitcherComponent {
  private readonly router = inject(Router);
  private readonly client = inject(KOERS_CLIENT);
  private readonly pendingTasks = inject(PendingTasks);
  protected readonly store = inject(MunicipalitiesStore);

  /** The segments of the current path: the municipality first. */
  private readonly path = currentPath();

  /** The municipality in the URL. */
  protected readonly selectedMunicipalityId = computed(() => this.path()[0] ?? null);

  protected openMunicipality(municipalityId: string): void {
    // A pending task: the app is not stable until the switch has landed.
    void this.pendingTasks.run(async () => {
      const target = await switchTarget(this.path(), municipalityId, this.client);
      await this.router.navigate(target);
    });
  }
}
