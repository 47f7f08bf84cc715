import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { IndicatorDefinitionView, Lineage } from '@koers/domain';
import { DateTimePipe, NumberPipe } from '../../format/format.pipes';

/**
 * "Hoe is dit berekend?": the source versions the values came from (title,
 * version, when loaded, rows, SHA-256 of the file), the SQL that produced them
 * and the indicator's definition file. Folded away until asked for.
 */
@Component({
  selector: 'koers-lineage',
  imports: [DateTimePipe, NumberPipe],
  templateUrl: './lineage.component.html',
  styleUrl: './lineage.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LineageComponent {
  /** Null when the indicator never computed. */
  readonly lineage = input.required<Lineage | null>();
  readonly definition = input.required<IndicatorDefinitionView>();
}
