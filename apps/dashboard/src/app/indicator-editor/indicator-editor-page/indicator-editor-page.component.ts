import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { DraftProblem, IndicatorDefinitionFile, IndicatorDryRun } from '@koers/domain';
import { apiResource } from '../../api/api-resource';
import { describeApiError } from '../../api/api-error';
import { KOERS_CLIENT } from '../../api/koers-client';
import { ChartComponent } from '../../charts/chart.component';
import { formatPeriod, formatValue } from '../../format/dutch-format';
import { PeriodPipe } from '../../format/format.pipes';
import { type Breadcrumb, BreadcrumbsComponent } from '../../layout/breadcrumbs.component';
import { LoadStateComponent } from '../../layout/load-state.component';
import { pageTitle } from '../../layout/page-title';
import { MunicipalitiesStore } from '../../municipalities/municipalities.store';
import { dryRunChartOption, dryRunRows } from '../dry-run-chart.option';
import { FieldProblemsComponent } from '../field-problems.component';
import { type FormField, problemsByField, problemText } from '../field-problems';
import { draftOf, indicatorForm, linkOf, targetRow } from '../indicator-form';
import { waitForComputation } from '../wait-for-computation';

/** Where the editor stands after the last button. */
type EditorState =
  | { readonly kind: 'editing' }
  | { readonly kind: 'trying' }
  | { readonly kind: 'tried'; readonly outcome: IndicatorDryRun }
  | { readonly kind: 'saving' }
  | { readonly kind: 'computing' }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * `/:municipalityId/definities/nieuw` and `/:municipalityId/definities/:indicatorId`:
 * the data team's form for an indicator definition, with every field of
 * `indicators/<id>.yaml`, pick lists of the municipality's sources and their
 * columns, the engine's problems beside the field they concern (with a Dutch
 * hint), a dry run (chart and table) and saving. After saving it waits for the
 * computation of just this indicator and opens its page.
 */
@Component({
  selector: 'koers-indicator-editor-page',
  imports: [
    BreadcrumbsComponent,
    ChartComponent,
    FieldProblemsComponent,
    LoadStateComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    PeriodPipe,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './indicator-editor-page.component.html',
  styleUrl: './indicator-editor-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IndicatorEditorPageComponent {
  /** From the route. */
  readonly municipalityId = input.required<string>();
  /** From the route; absent for a new indicator. */
  readonly indicatorId = input<string | undefined>(undefined);
  /** From the query (`?bron=`): the source a new indicator starts on, as a source's "Indicator maken op deze bron" asks. */
  readonly bron = input<string | undefined>(undefined);

  private readonly client = inject(KOERS_CLIENT);
  private readonly router = inject(Router);
  private readonly municipalities = inject(MunicipalitiesStore);

  protected readonly form = indicatorForm(null);
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly isNew = computed(() => this.indicatorId() === undefined);

  protected readonly choices = apiResource({
    params: () => this.municipalityId(),
    loader: (municipalityId, signal) => this.client.indicatorEditor.choices.query({ municipalityId }, { signal }),
  });
  protected readonly definition = apiResource({
    params: () => {
      const indicatorId = this.indicatorId();
      return indicatorId === undefined ? undefined : { municipalityId: this.municipalityId(), indicatorId };
    },
    loader: (params, signal) => this.client.indicatorEditor.read.query(params, { signal }),
    notFoundHint: 'Kies een indicator in de lijst van definities.',
  });

  protected readonly state = signal<EditorState>({ kind: 'editing' });
  protected readonly problems = signal<readonly DraftProblem[]>([]);
  private loaded: IndicatorDefinitionFile | null = null;

  protected readonly byField = computed(() => problemsByField(this.problems()));
  protected readonly otherProblems = computed(() => this.byField().get(null) ?? []);
  protected readonly problemText = problemText;

  protected readonly sources = computed(() => this.choices.value()?.sources ?? []);
  protected readonly effects = computed(() => this.choices.value()?.effects ?? []);
  protected readonly columns = computed(() => this.sources().find((source) => source.id === this.value().source)?.columns ?? []);
  protected readonly dateColumns = computed(() => this.columns().filter((column) => /^(DATE|TIMESTAMP)/i.test(column.type)));
  protected readonly perColumns = computed(() => this.sources().find((source) => source.id === this.value().perSource)?.columns ?? []);
  protected readonly perDateColumns = computed(() => this.perColumns().filter((column) => /^(DATE|TIMESTAMP)/i.test(column.type)));

  protected readonly heading = computed(() => {
    if (this.isNew()) return 'Nieuwe indicator';
    return `Definitie van ${this.definition.value()?.draft.title || this.indicatorId()}`;
  });
  protected readonly trail = computed<Breadcrumb[]>(() => {
    const municipalityId = this.municipalityId();
    const name = this.municipalities.nameOf(municipalityId) ?? municipalityId;
    return [{ label: name, link: ['/', municipalityId] }, { label: 'Definities', link: ['/', municipalityId, 'definities'] }, { label: this.heading() }];
  });

  protected readonly dryRun = computed(() => {
    const state = this.state();
    if (state.kind !== 'tried' || state.outcome.report === null) return null;
    const report = state.outcome.report;
    const rows = dryRunRows(report, this.form.getRawValue().targets);
    return {
      report,
      rows,
      option: dryRunChartOption(report, rows),
      seconds: (state.outcome.durationMs / 1000).toLocaleString('nl-NL', { maximumFractionDigits: 1 }),
      label:
        `Lijndiagram van de proefberekening van ${report.title} (${report.unit})` +
        (rows.length > 0 ? `, van ${formatPeriod(rows[0]?.period ?? '')} tot ${formatPeriod(rows.at(-1)?.period ?? '')}` : '') +
        '. De cijfers staan ook in de tabel bij de grafiek.',
    };
  });

  constructor() {
    pageTitle(() => this.heading());
    // A new indicator asked for from a source starts on that source; what the user picks afterwards stays.
    effect(() => {
      const sourceId = this.bron();
      if (!this.isNew() || sourceId === undefined || this.form.controls.source.value !== '') return;
      this.form.controls.source.setValue(sourceId);
    });
    // The form takes the definition once it is read (and again after another indicator is opened).
    effect(() => {
      const file = this.definition.value();
      if (file === undefined || file === this.loaded) return;
      this.loaded = file;
      const filled = indicatorForm(file.draft);
      this.form.controls.targets.clear();
      for (const row of filled.controls.targets.controls) this.form.controls.targets.push(row);
      this.form.patchValue({ ...filled.getRawValue(), targets: filled.getRawValue().targets });
      this.form.controls.id.disable();
    });
  }

  protected readonly isBusy = computed(() => ['trying', 'saving', 'computing'].includes(this.state().kind));

  protected hasColumn(columns: readonly { name: string }[], name: string): boolean {
    return columns.some((column) => column.name === name);
  }

  protected problemsOf(field: FormField): readonly DraftProblem[] {
    return this.byField().get(field) ?? [];
  }

  /** The id of the element that holds a field's problems, for the control's `aria-describedby`. */
  protected problemId(field: FormField): string {
    return `probleem-${field.replace(/\W/g, '-')}`;
  }

  protected addTarget(): void {
    const years = this.form.controls.targets.getRawValue().map((target) => Number(target.year)).filter(Number.isFinite);
    this.form.controls.targets.push(targetRow(years.length > 0 ? String(Math.max(...years) + 1) : String(new Date().getFullYear()), ''));
  }

  protected removeTarget(index: number): void {
    this.form.controls.targets.removeAt(index);
  }

  protected toggleDimension(column: string, isChecked: boolean): void {
    const current = this.form.controls.dimensions.value.filter((dimension) => dimension !== column);
    this.form.controls.dimensions.setValue(isChecked ? [...current, column] : current);
  }

  protected cell(value: number | null, unit: string, decimals: number | null): string {
    return value === null ? '' : formatValue(value, unit, decimals).replace(` ${unit}`, '');
  }

  /** Computes the draft against the data, storing nothing, and shows its values or its problems. */
  protected async tryDraft(): Promise<void> {
    this.state.set({ kind: 'trying' });
    try {
      const outcome = await this.client.indicatorEditor.dryRun.mutate({ municipalityId: this.municipalityId(), draft: draftOf(this.form), isNew: this.isNew() });
      this.problems.set(outcome.problems);
      this.state.set({ kind: 'tried', outcome });
    } catch (error) {
      this.state.set({ kind: 'failed', message: describeApiError(error, '') });
    }
  }

  /** Saves (the server validates as koers check would), then waits for just this indicator's computation and opens its page. */
  protected async save(): Promise<void> {
    this.state.set({ kind: 'saving' });
    const municipalityId = this.municipalityId();
    const draft = draftOf(this.form);
    const link = this.isNew() ? linkOf(this.form) : undefined;
    try {
      const outcome = await this.client.indicatorEditor.save.mutate({
        municipalityId,
        draft,
        isNew: this.isNew(),
        baseVersion: this.loaded?.version ?? null,
        ...(link === undefined ? {} : { link }),
      });
      if (outcome.kind !== 'saved') {
        this.problems.set(outcome.kind === 'refused' ? outcome.problems : []);
        this.state.set(outcome.kind === 'refused' ? { kind: 'editing' } : { kind: 'failed', message: outcome.message });
        return;
      }
      this.problems.set([]);
      this.state.set({ kind: 'computing' });
      await waitForComputation(this.client, municipalityId, draft.id, outcome.savedAt);
      await this.router.navigate(['/', municipalityId, 'indicatoren', draft.id]);
    } catch (error) {
      this.state.set({ kind: 'failed', message: describeApiError(error, '') });
    }
  }
}
