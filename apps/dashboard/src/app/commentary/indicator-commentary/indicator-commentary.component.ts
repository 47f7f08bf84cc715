import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { commentaryBoardResource } from '../commentary-board.resource';
import { EffectCommentaryComponent } from '../effect-commentary/effect-commentary.component';

/**
 * On the indicator page: the college's commentary on each effect that lists
 * the indicator, with the program it belongs to. Nothing while it loads or
 * when no effect uses the indicator; the page's own figures do not wait for it.
 */
@Component({
  selector: 'koers-indicator-commentary',
  imports: [EffectCommentaryComponent, RouterLink],
  template: `
    @if (board.value(); as board) {
      @if (board.effects.length > 0) {
        <section class="koers-card indicator-commentary" aria-labelledby="toelichting-titel">
          <h2 id="toelichting-titel">Toelichting van het college</h2>
          @for (effect of board.effects; track effect.effectId) {
            <p class="effect">
              <a
                [routerLink]="['/', municipalityId(), 'programmas', effect.programId]"
                [fragment]="'effect-' + effect.effectId"
                >{{ effect.programTitle }}</a
              >
              — {{ effect.effectTitle }}
            </p>
            <koers-effect-commentary
              [municipalityId]="municipalityId()"
              [effectId]="effect.effectId"
              [board]="board"
              [level]="3"
              (saved)="this.board.reload()"
            />
          }
        </section>
      }
    } @else if (board.errorMessage(); as errorMessage) {
      <p class="koers-note" role="status">De toelichting van het college kon niet worden geladen: {{ errorMessage }}</p>
    }
  `,
  styles: `
    .indicator-commentary {
      padding: 1rem 1.25rem;
      margin-top: 1.5rem;
    }
    h2 {
      margin-top: 0;
    }
    .effect {
      margin: 1rem 0 0;
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IndicatorCommentaryComponent {
  readonly municipalityId = input.required<string>();
  readonly indicatorId = input.required<string>();

  protected readonly board = commentaryBoardResource(() => ({
    municipalityId: this.municipalityId(),
    indicatorId: this.indicatorId(),
  }));
}
