import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ExplanationFields } from '@koers/domain';

/** The three fields of an explanation by exception, in the order they are asked. */
export const explanationFieldLabels: readonly { readonly key: keyof ExplanationFields; readonly label: string }[] = [
  { key: 'cause', label: 'Oorzaak' },
  { key: 'consequence', label: 'Gevolg' },
  { key: 'correction', label: 'Bijsturing' },
];

/** An exception's explanation as the council reads it: oorzaak, gevolg, bijsturing; an empty field says so. */
@Component({
  selector: 'koers-report-explanation',
  template: `
    <dl>
      @for (field of fieldLabels; track field.key) {
        <dt>{{ field.label }}</dt>
        <dd>{{ fields()[field.key] || 'Niet ingevuld' }}</dd>
      }
    </dl>
  `,
  styles: `
    dt {
      font-weight: 600;
    }

    dd {
      margin: 0 0 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportExplanationComponent {
  readonly fields = input.required<ExplanationFields>();
  protected readonly fieldLabels = explanationFieldLabels;
}
