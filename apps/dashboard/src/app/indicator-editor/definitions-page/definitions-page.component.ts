import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { DefinitionsImportOutcome, WorkspaceProblem } from '@koers/domain';
import { apiResource } from '../../api/api-resource';
import { KOERS_CLIENT } from '../../api/koers-client';
import { type Breadcrumb, BreadcrumbsComponent } from '../../layout/breadcrumbs.component';
import { LoadStateComponent } from '../../layout/load-state.component';
import { pageTitle } from '../../layout/page-title';
import { MunicipalitiesStore } from '../../municipalities/municipalities.store';
import { DefinitionsTransfer } from '../definitions-transfer';

/** Where an import stands. */
type ImportState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly what: string }
  | { readonly kind: 'done'; readonly file: File; readonly outcome: DefinitionsImportOutcome }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * `/:municipalityId/definities`: the municipality's indicator definitions for
 * the data team: each to edit, a new one, and the workspace as a zip, out
 * (with the data files when asked) and in. An import is checked first and
 * shows every problem with file and line, and what would change, before it
 * can be applied.
 */
@Component({
  selector: 'koers-definitions-page',
  imports: [BreadcrumbsComponent, LoadStateComponent, MatButtonModule, MatProgressBarModule, RouterLink],
  templateUrl: './definitions-page.component.html',
  styleUrl: './definitions-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DefinitionsPageComponent {
  /** From the route. */
  readonly municipalityId = input.required<string>();

  private readonly client = inject(KOERS_CLIENT);
  private readonly municipalities = inject(MunicipalitiesStore);
  private readonly transfer = inject(DefinitionsTransfer);

  protected readonly choices = apiResource({
    params: () => this.municipalityId(),
    loader: (municipalityId, signal) => this.client.indicatorEditor.choices.query({ municipalityId }, { signal }),
  });
  protected readonly includeData = signal(false);
  protected readonly importState = signal<ImportState>({ kind: 'idle' });
  protected readonly exportUrl = computed(() => this.transfer.exportUrl(this.municipalityId(), this.includeData()));

  protected readonly trail = computed<Breadcrumb[]>(() => {
    const municipalityId = this.municipalityId();
    return [{ label: this.municipalities.nameOf(municipalityId) ?? municipalityId, link: ['/', municipalityId] }, { label: 'Definities' }];
  });

  constructor() {
    pageTitle(() => `Definities van ${this.municipalities.nameOf(this.municipalityId()) ?? this.municipalityId()}`);
  }

  /** Checks the chosen zip at once: nothing changes until "Importeren" is pressed. */
  protected async choose(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (file === undefined) return;
    await this.send(file, false);
  }

  protected async apply(file: File): Promise<void> {
    await this.send(file, true);
    if (this.importState().kind === 'done') this.choices.reload();
  }

  /** The problems of an import per file, in the order they came: each file once, its problems under it. */
  protected problemsPerFile(problems: readonly WorkspaceProblem[]): { readonly file: string; readonly problems: readonly WorkspaceProblem[] }[] {
    const perFile = new Map<string, WorkspaceProblem[]>();
    for (const problem of problems) perFile.set(problem.file, [...(perFile.get(problem.file) ?? []), problem]);
    return [...perFile].map(([file, fileProblems]) => ({ file, problems: fileProblems }));
  }

  /** One problem under its file: the line and field first, where known. */
  protected problemLine(problem: WorkspaceProblem): string {
    const where = [problem.line === undefined ? null : `regel ${problem.line}`, problem.field ?? null].filter((part) => part !== null).join(', ');
    return where === '' ? problem.message : `${where}: ${problem.message}`;
  }

  private async send(file: File, apply: boolean): Promise<void> {
    this.importState.set({ kind: 'busy', what: apply ? 'De definities worden geïmporteerd…' : 'De zip wordt gecontroleerd…' });
    try {
      this.importState.set({ kind: 'done', file, outcome: await this.transfer.send(this.municipalityId(), file, apply) });
    } catch (error) {
      this.importState.set({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }
}
