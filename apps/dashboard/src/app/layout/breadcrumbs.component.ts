import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

/** One step of a breadcrumb trail; the last step is the page itself and has no link. */
export interface Breadcrumb {
  readonly label: string;
  readonly link?: readonly string[];
}

/** Where the page sits: "Uithoorn › Veiligheid › Winkeldiefstallen", each step but the last a link. */
@Component({
  selector: 'koers-breadcrumbs',
  imports: [RouterLink],
  template: `
    <nav aria-label="Kruimelpad">
      <ol>
        @for (crumb of trail(); track $index; let last = $last) {
          <li>
            @if (crumb.link && !last) {
              <a [routerLink]="crumb.link">{{ crumb.label }}</a>
            } @else {
              <span aria-current="page">{{ crumb.label }}</span>
            }
          </li>
        }
      </ol>
    </nav>
  `,
  styles: `
    ol {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      margin: 0 0 0.75rem;
      padding: 0;
      list-style: none;
      font: var(--mat-sys-body-medium);
    }

    li + li::before {
      content: '›';
      margin-right: 0.25rem;
      color: var(--koers-muted-text-color);
    }

    span {
      color: var(--koers-muted-text-color);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BreadcrumbsComponent {
  readonly trail = input.required<readonly Breadcrumb[]>();
}
