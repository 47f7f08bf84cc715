import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  effect,
  inject,
  Injector,
  input,
  linkedSignal,
  PendingTasks,
  signal,
  viewChildren,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { formatDateTime } from '../../format/dutch-format';
import { LoadStateComponent } from '../../layout/load-state.component';
import { pageTitle } from '../../layout/page-title';
import { MunicipalitiesStore } from '../../municipalities/municipalities.store';
import { describeChange } from '../audit-change';
import { auditQueryParams, auditQueryProblem, readAuditQuery, toAuditListFilter, type AuditQuery } from '../audit-filter';
import { auditActionLabel, auditEntityLabel, auditEntityLabels, auditFieldLabel, auditValueLabel } from '../audit-labels';
import { type AuditEntry, AuditTrailStore } from '../audit-trail.store';

/** A change as the table shows it. */
interface AuditRow {
  readonly id: string;
  readonly occurredAt: string;
  readonly when: string;
  readonly actor: string;
  readonly entity: string;
  readonly entityId: string;
  readonly action: string;
  readonly changes: ReturnType<typeof describeChange>;
}

/**
 * `/:municipalityId/logboek`: the audit trail, for admins. Every change in
 * the municipality, newest first: when, who, what, and before → after. The
 * filters (entity, who, from and to day) live in the URL, so a filtered view
 * can be shared and survives a reload; "Meer laden" appends the next page.
 */
@Component({
  selector: 'koers-audit-page',
  imports: [LoadStateComponent, MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink],
  templateUrl: './audit-page.component.html',
  styleUrl: './audit-page.component.scss',
  providers: [AuditTrailStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPageComponent {
  /** From the route. */
  readonly municipalityId = input.required<string>();
  /** `?onderdeel=`, `?door=`, `?van=`, `?tot=`: the filters. */
  readonly onderdeel = input<string>();
  readonly door = input<string>();
  readonly van = input<string>();
  readonly tot = input<string>();

  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly municipalities = inject(MunicipalitiesStore);
  protected readonly trail = inject(AuditTrailStore);
  private readonly rows = viewChildren<ElementRef<HTMLTableRowElement>>('row');

  protected readonly entityOptions = Object.entries(auditEntityLabels).map(([value, label]) => ({ value, label }));

  /** The filters as the URL has them. */
  protected readonly query = computed<AuditQuery>(() =>
    readAuditQuery({ onderdeel: this.onderdeel(), door: this.door(), van: this.van(), tot: this.tot() }),
  );
  /** The form's fields: the URL's filters until the user edits them. */
  protected readonly draft = linkedSignal<AuditQuery>(() => this.query());
  protected readonly hasFilters = computed(() => Object.keys(auditQueryParams(this.query())).length > 0);
  protected readonly problem = computed(() => auditQueryProblem(this.query()));

  protected readonly name = computed(() => this.municipalities.nameOf(this.municipalityId()));
  protected readonly heading = computed(() => (this.name() === undefined ? 'Logboek' : `Logboek van ${this.name()}`));

  protected readonly table = computed<readonly AuditRow[]>(() => (this.trail.value() ?? []).map(toRow));

  /** Said to screen readers after "Meer laden". */
  protected readonly announcement = signal('');

  constructor() {
    pageTitle(() => this.heading());
    effect(() => {
      if (this.problem() !== null) return;
      this.trail.show({ municipalityId: this.municipalityId(), filter: toAuditListFilter(this.query()) });
    });
  }

  protected edit(field: keyof AuditQuery, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLSelectElement).value;
    this.draft.update((draft) => ({ ...draft, [field]: value }));
  }

  /** Puts the form's filters in the URL; the page follows the URL. */
  protected applyFilters(event: Event): void {
    event.preventDefault();
    void this.router.navigate([], { queryParams: auditQueryParams(readAuditQuery({ ...this.draft() })) });
  }

  protected loadMore(): void {
    void this.pendingTasks.run(() => this.appendNextPage());
  }

  private async appendNextPage(): Promise<void> {
    const firstNew = this.table().length;
    const count = await this.trail.loadMore();
    if (count === 0) return;
    this.announcement.set(`${count} oudere wijzigingen geladen; ${this.table().length} getoond.`);
    // Keyboard and screen-reader users continue at the first change that came in.
    afterNextRender(() => this.rows()[firstNew]?.nativeElement.focus(), { injector: this.injector });
  }
}

function toRow(record: AuditEntry): AuditRow {
  return {
    id: record.id,
    occurredAt: record.occurredAt,
    when: formatDateTime(record.occurredAt),
    actor: record.actor,
    entity: auditEntityLabel(record.entity),
    entityId: record.entityId,
    action: auditActionLabel(record.action),
    changes: describeChange(record.before, record.after).map((change) => ({
      field: change.field === '' ? '' : auditFieldLabel(change.field),
      before: auditValueLabel(change.field, change.before),
      after: auditValueLabel(change.field, change.after),
    })),
  };
}
