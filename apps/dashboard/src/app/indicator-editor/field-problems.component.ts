import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { DraftProblem } from '@koers/domain';
import { problemText } from './field-problems';

/** The problems of one field, beside it: the control names this element in `aria-describedby`. */
@Component({
  selector: 'koers-field-problems',
  template: `
    @for (problem of problems(); track $index) {
      <p class="field-problem">{{ text(problem) }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .field-problem {
      margin: 0.25rem 0 0.5rem;
      color: var(--mat-sys-error, #ba1a1a);
      font: var(--mat-sys-body-medium);
    }
  `,
  host: { '[attr.id]': 'elementId()', '[attr.role]': "problems().length > 0 ? 'alert' : null" },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FieldProblemsComponent {
  readonly problems = input.required<readonly DraftProblem[]>();
  /** The id the field's control points at. */
  readonly elementId = input.required<string>();
  protected readonly text = problemText;
}
