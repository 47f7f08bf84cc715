import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { NavigationEnd, PRIMARY_OUTLET, Router } from '@angular/router';
import { filter, map } from 'rxjs';
import { MunicipalitiesStore } from '../municipalities/municipalities.store';

/**
 * Chooses the municipality whose programs are shown. The choice lives in the
 * URL (`/<municipalityId>/...`), so it survives a reload and can be shared.
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
  protected readonly store = inject(MunicipalitiesStore);

  private readonly currentUrl = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );

  /** The municipality in the URL: its first path segment. */
  protected readonly selectedMunicipalityId = computed(
    () => this.router.parseUrl(this.currentUrl()).root.children[PRIMARY_OUTLET]?.segments[0]?.path ?? null,
  );

  protected openMunicipality(municipalityId: string): void {
    void this.router.navigate(['/', municipalityId, 'programmas']);
  }
}
