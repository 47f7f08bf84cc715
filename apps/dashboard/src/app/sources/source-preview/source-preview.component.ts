import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { SourcePreview } from '@koers/domain';
import { columnTypeLabels, problemPlace } from '../source-labels';

/**
 * What a file would load as, before it serves: the first problem (file, line,
 * column), the row count, the columns detected against the declared ones, and
 * the first rows, each in a table with a caption.
 */
@Component({
  selector: 'koers-source-preview',
  template: `
    @if (preview().problem; as problem) {
      <div class="koers-error-state" role="alert">
        <h3>Dit bestand laadt niet</h3>
        <p><strong>{{ problemPlace(problem) }}</strong>: {{ problem.message }}</p>
        <p>Er is niets veranderd: de huidige versie blijft in gebruik. Verbeter het bestand en upload het opnieuw.</p>
      </div>
    } @else {
      <p class="summary" role="status">
        Het bestand laadt: <strong>{{ rowCountText() }}</strong> en {{ preview().columns.length }} kolommen ({{ preview().format.toUpperCase() }}).
      </p>
    }
    @if (preview().columns.length > 0) {
      <div class="koers-table-scroll" tabindex="0" role="region" [attr.aria-labelledby]="captionId() + '-kolommen'">
        <table class="koers-data-table">
          <caption [id]="captionId() + '-kolommen'">Kolommen: gevonden in het bestand en gedeclareerd in de bron</caption>
          <thead>
            <tr>
              <th scope="col">Kolom</th>
              <th scope="col">Gevonden type</th>
              <th scope="col">Gedeclareerd</th>
            </tr>
          </thead>
          <tbody>
            @for (column of preview().columns; track column.name) {
              <tr>
                <th scope="row">{{ column.name }}</th>
                <td>{{ column.detectedType }}</td>
                <td>{{ column.declaredType === null ? 'niet gedeclareerd' : typeLabels[column.declaredType] }}</td>
              </tr>
            }
            @for (name of preview().missingColumns; track name) {
              <tr class="missing">
                <th scope="row">{{ name }}</th>
                <td>ontbreekt in het bestand</td>
                <td>gedeclareerd</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
    @if (preview().rows.length > 0) {
      <div class="koers-table-scroll" tabindex="0" role="region" [attr.aria-labelledby]="captionId() + '-rijen'">
        <table class="koers-data-table">
          <caption [id]="captionId() + '-rijen'">De eerste {{ preview().rows.length }} rijen</caption>
          <thead>
            <tr>
              @for (column of preview().columns; track column.name) {
                <th scope="col">{{ column.name }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of preview().rows; track $index) {
              <tr>
                @for (value of row; track $index) {
                  <td>{{ value === null ? '—' : value }}</td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    .summary {
      margin: 0.5rem 0;
    }
    .missing {
      color: var(--mat-sys-error);
    }
    .koers-table-scroll {
      margin-bottom: 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SourcePreviewComponent {
  readonly preview = input.required<SourcePreview>();
  /** Distinguishes the captions when a page shows two previews. */
  readonly captionId = input('voorbeeld');
  protected readonly typeLabels = columnTypeLabels;
  protected readonly problemPlace = problemPlace;
  protected readonly rowCountText = computed(() => {
    const count = this.preview().rowCount ?? 0;
    return `${count.toLocaleString('nl-NL')} ${count === 1 ? 'rij' : 'rijen'}`;
  });
}
