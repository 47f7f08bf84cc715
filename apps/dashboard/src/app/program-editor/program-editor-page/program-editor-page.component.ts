import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  type ElementRef,
  inject,
  Injector,
  input,
  PendingTasks,
  signal,
  viewChild,
} from '@angular/core';
import { DOCUMENT } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { actionKinds, type ProgramEditProblem, priorities } from '@koers/domain';
import { apiResource } from '../../api/api-resource';
import { KOERS_CLIENT } from '../../api/koers-client';
import { type Breadcrumb, BreadcrumbsComponent } from '../../layout/breadcrumbs.component';
import { LoadStateComponent } from '../../layout/load-state.component';
import { pageTitle } from '../../layout/page-title';
import { MunicipalitiesStore } from '../../municipalities/municipalities.store';
import { actionKindLabels, priorityLabels } from '../../programs/action-labels';
import { describeSaveError } from '../../progress/save-error';
import {
  draftOf,
  type DraftList,
  fieldElementId,
  fieldLabelOf,
  itemPathOf,
  ProgramDraft,
  programInputOf,
} from '../program-draft';

/**
 * `/:municipalityId/programmas/:programId/bewerken` (admins and the college):
 * the program's titles, descriptions, vision, portfolio holders, department
 * and policy documents; its effects, tasks and actions, each added, removed
 * and moved; an action's priority, kind, owner team, start and due date. A
 * save writes the program's file in the workspace; the server refuses it with
 * every problem by field, and nothing is written then.
 */
@Component({
  selector: 'koers-program-editor-page',
  imports: [BreadcrumbsComponent, LoadStateComponent, MatButtonModule, RouterLink],
  templateUrl: './program-editor-page.component.html',
  styleUrl: './program-editor-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgramEditorPageComponent {
  /** From the route. */
  readonly municipalityId = input.required<string>();
  /** From the route. */
  readonly programId = input.required<string>();

  private readonly client = inject(KOERS_CLIENT);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly municipalities = inject(MunicipalitiesStore);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly summary = viewChild<ElementRef<HTMLElement>>('summary');

  protected readonly file = apiResource({
    params: () => ({ municipalityId: this.municipalityId(), programId: this.programId() }),
    loader: (params, signal) => this.client.programEditor.get.query(params, { signal }),
    notFoundHint: 'Kies een programma in het overzicht.',
  });

  protected readonly editor = new ProgramDraft();
  protected readonly draft = this.editor.draft;
  protected readonly revision = signal<string | null>(null);
  protected readonly isSaving = signal(false);
  /** After a save: what happened, as one sentence; `kind` says how it is shown. */
  protected readonly outcome = signal<{
    readonly kind: 'saved' | 'problem' | 'conflict';
    readonly message: string;
  } | null>(null);

  protected readonly actionKinds = actionKinds;
  protected readonly priorities = priorities;
  protected readonly kindLabels = actionKindLabels;
  protected readonly priorityLabels = priorityLabels;
  protected readonly fieldId = fieldElementId;
  protected readonly fieldLabel = fieldLabelOf;

  protected readonly title = computed(() => this.file.value()?.document?.title ?? 'Programma');
  protected readonly trail = computed<Breadcrumb[]>(() => {
    const municipalityId = this.municipalityId();
    const name = this.file.value()?.municipality.name ?? this.municipalities.nameOf(municipalityId) ?? municipalityId;
    return [
      { label: name, link: ['/', municipalityId] },
      { label: this.title(), link: ['/', municipalityId, 'programmas', this.programId()] },
      { label: 'Bewerken' },
    ];
  });

  constructor() {
    pageTitle(() => `${this.title()} bewerken`);
    // A freshly read file becomes the draft (again after "opnieuw openen").
    effect(() => {
      const file = this.file.value();
      if (file === undefined) return;
      this.revision.set(file.revision);
      this.editor.draft.set(file.document === null ? null : draftOf(file.document));
      this.editor.problems.set(file.document === null ? file.problems : []);
    });
  }

  /** The problem of a field, if the last save named one. */
  protected problemOf(field: string): string | undefined {
    return this.editor.problemByField().get(field);
  }

  /** Sets the draft's text at `path` (`['tasks', 0, 'actions', 1, 'due']`) to the control's value. */
  protected set(path: readonly (string | number)[], event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
    this.editor.update((draft) => {
      const parent = path
        .slice(0, -1)
        .reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], draft) as Record<
        string | number,
        unknown
      >;
      const key = path[path.length - 1];
      if (key !== undefined) parent[key] = value;
    });
  }

  /** Adds `id` to, or takes it from, the list of ids at `path` (an effect's indicators, a task's effects), as the checkbox says. */
  protected toggle(path: readonly (string | number)[], id: string, event: Event): void {
    const isChecked = (event.target as HTMLInputElement).checked;
    this.editor.update((draft) => {
      const ids = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], draft);
      if (Array.isArray(ids)) this.editor.toggle(ids as string[], id, isChecked);
    });
  }

  /** Adds an item at the end of its list; focus goes to its title. */
  protected add(list: DraftList): void {
    if (list.kind === 'effects') this.editor.addEffect();
    else if (list.kind === 'tasks') this.editor.addTask();
    else this.editor.addAction(list.taskIndex);
    const index = this.lengthOf(list) - 1;
    this.focusAfterRender([fieldElementId(`${itemPathOf(list, index)}.title`)]);
  }

  /**
   * Moves an item up or down; focus follows it to the same button at its new
   * place (the buttons stay where they are, the items change places), or the
   * other one when it has reached the end of the list.
   */
  protected move(list: DraftList, index: number, step: -1 | 1): void {
    this.editor.move(list, index, step);
    const moved = fieldElementId(itemPathOf(list, index + step));
    this.focusAfterRender(step < 0 ? [`${moved}-omhoog`, `${moved}-omlaag`] : [`${moved}-omlaag`, `${moved}-omhoog`]);
  }

  /** Removes an item; focus goes to the button that adds one to its list. */
  protected remove(list: DraftList, index: number): void {
    this.editor.remove(list, index);
    this.focusAfterRender([
      list.kind === 'actions'
        ? `toevoegen-actie-${list.taskIndex}`
        : list.kind === 'effects'
          ? 'toevoegen-effect'
          : 'toevoegen-opgave',
    ]);
  }

  private lengthOf(list: DraftList): number {
    const draft = this.draft();
    if (draft === null) return 0;
    if (list.kind === 'effects') return draft.effects.length;
    if (list.kind === 'tasks') return draft.tasks.length;
    return draft.tasks[list.taskIndex]?.actions.length ?? 0;
  }

  /** Focuses the first of these elements that can take focus, once the page shows the change. */
  private focusAfterRender(ids: readonly string[]): void {
    afterNextRender(
      () => {
        const target = ids
          .map((id) => this.document.getElementById(id))
          .find((element) => element !== null && !(element as HTMLButtonElement).disabled);
        target?.focus();
      },
      { injector: this.injector },
    );
  }

  protected reopen(): void {
    this.outcome.set(null);
    this.file.reload();
  }

  protected save(): void {
    // A pending task: the page is not stable until the save has ended (and tests wait for it).
    void this.pendingTasks.run(() => this.attemptSave());
  }

  private async attemptSave(): Promise<void> {
    const draft = this.draft();
    const file = this.file.value();
    const revision = this.revision();
    if (draft === null || file === undefined || revision === null || this.isSaving()) return;
    this.isSaving.set(true);
    this.outcome.set(null);
    try {
      const result = await this.client.programEditor.save.mutate({
        municipalityId: this.municipalityId(),
        programId: this.programId(),
        revision,
        program: programInputOf(draft, file.actionIdsElsewhere),
      });
      if (result.status === 'saved') {
        this.revision.set(result.revision);
        this.editor.problems.set([]);
        this.outcome.set({
          kind: 'saved',
          message: `Opgeslagen in ${result.file}. De berekening neemt de wijziging over; het programma toont haar zodra die klaar is.`,
        });
      } else if (result.status === 'invalid') {
        this.editor.problems.set(result.problems);
        this.outcome.set({ kind: 'problem', message: summaryOf(result.problems) });
      } else {
        this.outcome.set({ kind: 'conflict', message: result.message });
      }
    } catch (error) {
      this.outcome.set({ kind: 'problem', message: describeSaveError(error) });
    } finally {
      this.isSaving.set(false);
      // The outcome is announced; focus goes there too, so the reader starts from it.
      afterNextRender(() => this.summary()?.nativeElement.focus(), { injector: this.injector });
    }
  }
}

function summaryOf(problems: readonly ProgramEditProblem[]): string {
  return problems.length === 1
    ? 'Niet opgeslagen: één veld moet nog worden verbeterd.'
    : `Niet opgeslagen: ${problems.length} velden moeten nog worden verbeterd.`;
}
