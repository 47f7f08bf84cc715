import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { TodoKind } from '@koers/domain';
import { apiResource } from '../../api/api-resource';
import { KOERS_CLIENT } from '../../api/koers-client';
import { formatPeriod } from '../../format/dutch-format';

const kindLabels: Readonly<Record<TodoKind, string>> = {
  source_failed: 'Bron',
  progress_due: 'Voortgang',
  commentary_due: 'Toelichting',
};

/**
 * The signed-in user's "to do" on the municipality's start page, by role:
 * sources whose refresh failed, actions to update this quarter, commentary
 * still open; an admin sees what the others have open. Each item links to
 * where it is done. It loads beside the page and never holds it up.
 */
@Component({
  selector: 'koers-todo-list',
  imports: [RouterLink],
  template: `
    @if (todo.value(); as todo) {
      <section class="koers-card todo" aria-labelledby="te-doen-titel">
        <h2 id="te-doen-titel">Te doen in het {{ quarterName() }}</h2>
        @if (todo.items.length > 0) {
          <ul class="koers-plain-list">
            @for (item of todo.items; track $index) {
              <li class="item">
                <span class="kind">{{ kindLabels[item.kind] }}</span>
                <span class="what">
                  <a
                    [routerLink]="['/', municipalityId()].concat(item.link.path)"
                    [queryParams]="item.link.query ?? null"
                    [fragment]="item.link.fragment"
                    >{{ item.title }}</a
                  >
                  @if (item.assignee; as assignee) {
                    <span class="assignee">({{ assignee }})</span>
                  }
                  @if (item.detail; as detail) {
                    <span class="detail">{{ detail }}</span>
                  }
                </span>
              </li>
            }
          </ul>
        } @else {
          <p class="koers-note">Niets te doen: alles is bijgewerkt.</p>
        }
      </section>
    } @else if (todo.errorMessage(); as errorMessage) {
      <p class="koers-note" role="status">Uw takenlijst kon niet worden geladen: {{ errorMessage }}</p>
    }
  `,
  styles: `
    .todo {
      padding: 1rem 1.25rem;
      margin-bottom: 1.5rem;
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.125rem;
    }
    .item {
      display: flex;
      gap: 0.75rem;
      padding: 0.375rem 0;
      border-top: 1px solid var(--koers-border-color, #e0e0e0);
    }
    .kind {
      flex: 0 0 6.5rem;
      font-weight: 600;
    }
    .what {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.5rem;
    }
    .detail,
    .assignee {
      color: var(--koers-muted-text-color);
    }
    .detail {
      flex-basis: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TodoListComponent {
  readonly municipalityId = input.required<string>();

  private readonly client = inject(KOERS_CLIENT);
  protected readonly kindLabels = kindLabels;
  protected readonly todo = apiResource({
    params: () => this.municipalityId(),
    loader: (municipalityId, signal) => this.client.todo.list.query({ municipalityId }, { signal }),
  });
  protected readonly quarterName = computed(() => formatPeriod(this.todo.value()?.quarter ?? ''));
}
