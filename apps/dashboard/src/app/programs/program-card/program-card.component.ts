import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import type { ProgramOverview } from '@koers/api';
import { actionKindLabels, priorityLabels } from '../action-labels';

/**
 * One budget program: who is responsible, the effects it aims for (*wat willen
 * we bereiken?*), and the tasks (*wat moeten we verbeteren?*) with their actions.
 */
@Component({
  selector: 'koers-program-card',
  imports: [MatCardModule, DatePipe],
  templateUrl: './program-card.component.html',
  styleUrl: './program-card.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgramCardComponent {
  /** The program to show. */
  readonly program = input.required<ProgramOverview>();

  protected readonly actionKindLabels = actionKindLabels;
  protected readonly priorityLabels = priorityLabels;

  /** Ids for `aria-labelledby`, unique per program on the page. */
  protected readonly titleId = computed(() => `programma-${this.program().id}`);

  protected readonly portfolioHolderLabel = computed(() =>
    this.program().portfolioHolders.length > 1 ? 'Portefeuillehouders' : 'Portefeuillehouder',
  );
}
