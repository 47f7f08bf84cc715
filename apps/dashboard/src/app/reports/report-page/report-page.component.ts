import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { ExplanationFields, QuestionItemKind, ReportException, ReportView, SnapshotIndicator } from '@koers/domain';
import { describeChangeError } from '../change-error';
import { apiResource } from '../../api/api-resource';
import { KOERS_CLIENT } from '../../api/koers-client';
import { SparklineComponent } from '../../charts/sparkline.component';
import { formatDate, formatDateTime, formatPeriod, formatValue } from '../../format/dutch-format';
import { type Breadcrumb, BreadcrumbsComponent } from '../../layout/breadcrumbs.component';
import { LoadStateComponent } from '../../layout/load-state.component';
import { pageTitle } from '../../layout/page-title';
import { MunicipalitiesStore } from '../../municipalities/municipalities.store';
import { indicatorStatusLabels, progressStatusLabels } from '../../status/indicator-status';
import { StatusBadgeComponent } from '../../status/status-badge.component';
import { explanationFieldLabels, ReportExplanationComponent } from '../report-explanation.component';
import { motionPointStatusLabels, reportStatusLabels, reportTitle } from '../report-labels';

/**
 * `/:municipalityId/rapportages/:quarter[?versie=N]`: one quarter's report.
 * A draft opens on its exceptions (effects at risk or off track, delayed
 * actions), each with its cause, consequence and correction to write; the
 * programs are folded below. A published report reads per program: effects,
 * indicators with their charts, actions, commentary; then the comparison with
 * the previous quarter, the motions and the council's questions. The college
 * approves, publishes and corrects here; a council member asks here.
 */
@Component({
  selector: 'koers-report-page',
  imports: [
    BreadcrumbsComponent,
    LoadStateComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReportExplanationComponent,
    RouterLink,
    SparklineComponent,
    StatusBadgeComponent,
  ],
  templateUrl: './report-page.component.html',
  styleUrl: './report-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportPageComponent {
  /** From the route. */
  readonly municipalityId = input.required<string>();
  /** From the route: `2025-Q3`. */
  readonly quarter = input.required<string>();
  /** `?versie=`: a published version other than the latest. */
  readonly versie = input<string>();

  private readonly client = inject(KOERS_CLIENT);
  private readonly municipalities = inject(MunicipalitiesStore);

  protected readonly report = apiResource({
    params: () => ({ municipalityId: this.municipalityId(), quarter: this.quarter(), version: versionOf(this.versie()) }),
    loader: (params, signal) => this.client.reports.get.query(params, { signal }),
    notFoundHint: 'Kies een rapportage in de lijst van rapportages.',
  });

  protected readonly title = computed(() => reportTitle(this.quarter()));
  protected readonly trail = computed<Breadcrumb[]>(() => {
    const municipalityId = this.municipalityId();
    const name = this.report.value()?.municipality.name ?? this.municipalities.nameOf(municipalityId) ?? municipalityId;
    return [{ label: name, link: ['/', municipalityId, 'rapportages'] }, { label: this.title() }];
  });
  /** A draft (or approved version) under way: it opens on the exceptions and folds the programs. */
  protected readonly isDraft = computed(() => this.report.value()?.isLive ?? false);
  protected readonly indicatorsById = computed(() => new Map((this.report.value()?.snapshot.indicators ?? []).map((indicator) => [indicator.id, indicator])));
  /** What a council member may ask about: the report, and every program, effect, indicator, action and motion in it. */
  protected readonly questionItems = computed(() => questionItemsOf(this.report.value()));

  protected readonly explanationFields = explanationFieldLabels;
  protected readonly reportStatusLabels = reportStatusLabels;
  protected readonly indicatorStatusLabels = indicatorStatusLabels;
  protected readonly progressStatusLabels = progressStatusLabels;
  protected readonly motionPointStatusLabels = motionPointStatusLabels;
  protected readonly formatDate = formatDate;
  protected readonly formatDateTime = formatDateTime;
  protected readonly formatPeriod = formatPeriod;
  protected readonly formatValue = formatValue;

  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  /** The explanation forms' fields, by `kind:id`, until saved. */
  protected readonly drafts = signal<Readonly<Record<string, ExplanationFields>>>({});
  protected readonly correctionReason = signal('');
  protected readonly questionItem = signal('report:');
  protected readonly questionText = signal('');
  protected readonly answers = signal<Readonly<Record<string, string>>>({});

  constructor() {
    pageTitle(() => `${this.title()} · ${this.report.value()?.municipality.name ?? this.municipalityId()}`);
  }

  protected explanationOf(report: ReportView, exception: ReportException): ExplanationFields {
    const key = `${exception.kind}:${exception.id}`;
    const typed = this.drafts()[key];
    if (typed !== undefined) return typed;
    const stored =
      exception.kind === 'effect'
        ? report.snapshot.programs.flatMap((program) => program.effects).find((effect) => effect.id === exception.id)?.explanation
        : report.snapshot.programs.flatMap((program) => program.tasks.flatMap((task) => task.actions)).find((action) => action.id === exception.id)?.explanation;
    return { cause: stored?.cause ?? '', consequence: stored?.consequence ?? '', correction: stored?.correction ?? '' };
  }

  protected type(report: ReportView, exception: ReportException, field: keyof ExplanationFields, event: Event): void {
    const key = `${exception.kind}:${exception.id}`;
    const current = this.explanationOf(report, exception);
    this.drafts.update((drafts) => ({ ...drafts, [key]: { ...current, [field]: (event.target as HTMLTextAreaElement).value } }));
  }

  protected async explain(report: ReportView, exception: ReportException, event: Event): Promise<void> {
    event.preventDefault();
    const fields = this.explanationOf(report, exception);
    await this.change(`De toelichting bij "${exception.title}" is opgeslagen.`, async () => {
      await this.client.reports.explain.mutate({ municipalityId: this.municipalityId(), quarter: this.quarter(), item: { kind: exception.kind, id: exception.id }, fields });
      this.drafts.update((drafts) => {
        const rest = { ...drafts };
        delete rest[`${exception.kind}:${exception.id}`];
        return rest;
      });
    });
  }

  protected approve = () => this.change('De rapportage is goedgekeurd.', () => this.client.reports.approve.mutate(this.where()));
  protected withdraw = () => this.change('De goedkeuring is ingetrokken: de rapportage is weer een concept.', () => this.client.reports.withdrawApproval.mutate(this.where()));
  protected publish = () => this.change('De rapportage is gepubliceerd aan de raad.', () => this.client.reports.publish.mutate(this.where()));

  protected async correct(event: Event): Promise<void> {
    event.preventDefault();
    await this.change('Een correctie is gestart: de volgende versie is een concept.', async () => {
      await this.client.reports.correct.mutate({ ...this.where(), reason: this.correctionReason() });
      this.correctionReason.set('');
    });
  }

  protected async ask(event: Event): Promise<void> {
    event.preventDefault();
    const [kind, id] = this.questionItem().split(':') as [QuestionItemKind, string];
    await this.change('Uw vraag is gesteld. Het college beantwoordt haar hier.', async () => {
      await this.client.questions.ask.mutate({ ...this.where(), item: { kind, id: kind === 'report' ? this.quarter() : id }, text: this.questionText() });
      this.questionText.set('');
    });
  }

  protected async answer(questionId: string, event: Event): Promise<void> {
    event.preventDefault();
    await this.change('Het antwoord is opgeslagen.', async () => {
      await this.client.questions.answer.mutate({ municipalityId: this.municipalityId(), questionId, text: this.answers()[questionId] ?? '' });
      this.answers.update((answers) => ({ ...answers, [questionId]: '' }));
    });
  }

  protected typeAnswer(questionId: string, event: Event): void {
    this.answers.update((answers) => ({ ...answers, [questionId]: (event.target as HTMLTextAreaElement).value }));
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  /** Where a published version's export is: `/api/<municipality>/reports/<quarter>.<format>?version=N`. */
  protected exportUrl(version: number, format: 'pdf' | 'xlsx' | 'csv'): string {
    return `/api/${encodeURIComponent(this.municipalityId())}/reports/${encodeURIComponent(this.quarter())}.${format}?version=${version}`;
  }

  protected chartLabel(indicator: SnapshotIndicator): string {
    return `${indicator.title}: ${indicator.values.length} waarden tot en met ${indicator.latest === null ? 'geen' : formatPeriod(indicator.latest.period)}`;
  }

  private where() {
    return { municipalityId: this.municipalityId(), quarter: this.quarter() };
  }

  private async change(done: string, work: () => Promise<unknown>): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    this.notice.set(null);
    try {
      await work();
      this.notice.set(done);
      this.report.reload();
    } catch (error) {
      this.problem.set(describeChangeError(error));
    } finally {
      this.busy.set(false);
    }
  }
}

function versionOf(text: string | undefined): number | undefined {
  return text !== undefined && /^[1-9]\d*$/.test(text) ? Number(text) : undefined;
}

function questionItemsOf(report: ReportView | undefined): { value: string; label: string }[] {
  if (report === undefined) return [];
  const snapshot = report.snapshot;
  return [
    { value: 'report:', label: 'De rapportage als geheel' },
    ...snapshot.programs.map((program) => ({ value: `program:${program.id}`, label: `Programma: ${program.title}` })),
    ...snapshot.programs.flatMap((program) => program.effects.map((effect) => ({ value: `effect:${effect.id}`, label: `Effect: ${effect.title}` }))),
    ...snapshot.indicators.map((indicator) => ({ value: `indicator:${indicator.id}`, label: `Indicator: ${indicator.title}` })),
    ...snapshot.programs.flatMap((program) => program.tasks.flatMap((task) => task.actions.map((action) => ({ value: `action:${action.id}`, label: `Actie: ${action.title}` })))),
    ...snapshot.motions.map((motion) => ({ value: `motion:${motion.id}`, label: `${motion.kind === 'motion' ? 'Motie' : 'Toezegging'}: ${motion.title}` })),
  ];
}
