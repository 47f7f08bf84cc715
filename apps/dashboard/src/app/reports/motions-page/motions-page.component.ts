import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { type Motion, type MotionPointStatus, motionPointStatuses, type MotionResponse } from '@koers/domain';
import { apiResource } from '../../api/api-resource';
import { KOERS_CLIENT } from '../../api/koers-client';
import { formatDate, formatPeriod } from '../../format/dutch-format';
import { LoadStateComponent } from '../../layout/load-state.component';
import { pageTitle } from '../../layout/page-title';
import { MunicipalitiesStore } from '../../municipalities/municipalities.store';
import { describeChangeError } from '../change-error';
import { MotionFormComponent } from '../motion-form/motion-form.component';
import { motionPointStatusLabels } from '../report-labels';

/** What the college types for one point, until it is saved. */
interface ResponseDraft {
  readonly status: MotionPointStatus;
  readonly response: string;
}

/**
 * `/:municipalityId/moties`: the council's motions and the college's
 * commitments (moties en toezeggingen), each with its date and numbered
 * points; per point its status and the college's latest response, and every
 * earlier one. The college responds per point for the quarter that last ended,
 * and records a new motion or commitment below the list.
 */
@Component({
  selector: 'koers-motions-page',
  imports: [LoadStateComponent, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, MotionFormComponent],
  templateUrl: './motions-page.component.html',
  styleUrl: './motions-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MotionsPageComponent {
  /** From the route. */
  readonly municipalityId = input.required<string>();

  private readonly client = inject(KOERS_CLIENT);
  private readonly municipalities = inject(MunicipalitiesStore);

  protected readonly list = apiResource({
    params: () => this.municipalityId(),
    loader: (municipalityId, signal) => this.client.motions.list.query({ municipalityId }, { signal }),
  });
  protected readonly heading = computed(() => {
    const name = this.list.value()?.municipality.name ?? this.municipalities.nameOf(this.municipalityId());
    return name === undefined ? 'Moties en toezeggingen' : `Moties en toezeggingen van ${name}`;
  });

  protected readonly statuses = motionPointStatuses;
  protected readonly statusLabels = motionPointStatusLabels;
  protected readonly formatDate = formatDate;
  protected readonly formatPeriod = formatPeriod;
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  private readonly drafts = signal<Readonly<Record<string, ResponseDraft>>>({});

  protected readonly motionIds = computed(() => (this.list.value()?.motions ?? []).map((motion) => motion.id));

  constructor() {
    pageTitle(() => this.heading());
  }

  protected motionSaved(reference: string): void {
    this.problem.set(null);
    this.notice.set(`${reference} is vastgelegd.`);
    this.list.reload();
  }

  /** The responses to one point, newest quarter first. */
  protected responsesOf(motion: Motion, pointNumber: number): MotionResponse[] {
    return motion.responses.filter((response) => response.pointNumber === pointNumber).sort((left, right) => right.quarter.localeCompare(left.quarter));
  }

  protected draftOf(motion: Motion, pointNumber: number, quarter: string): ResponseDraft {
    const typed = this.drafts()[`${motion.id}:${pointNumber}`];
    if (typed !== undefined) return typed;
    const latest = this.responsesOf(motion, pointNumber)[0];
    return { status: latest?.status ?? 'open', response: latest?.quarter === quarter ? latest.response : '' };
  }

  protected setStatus(motion: Motion, pointNumber: number, quarter: string, status: MotionPointStatus): void {
    this.drafts.update((drafts) => ({ ...drafts, [`${motion.id}:${pointNumber}`]: { ...this.draftOf(motion, pointNumber, quarter), status } }));
  }

  protected setResponse(motion: Motion, pointNumber: number, quarter: string, event: Event): void {
    const response = (event.target as HTMLTextAreaElement).value;
    this.drafts.update((drafts) => ({ ...drafts, [`${motion.id}:${pointNumber}`]: { ...this.draftOf(motion, pointNumber, quarter), response } }));
  }

  protected async respond(motion: Motion, pointNumber: number, quarter: string, event: Event): Promise<void> {
    event.preventDefault();
    const draft = this.draftOf(motion, pointNumber, quarter);
    this.busy.set(true);
    this.problem.set(null);
    this.notice.set(null);
    try {
      await this.client.motions.respond.mutate({ municipalityId: this.municipalityId(), response: { motionId: motion.id, pointNumber, quarter, ...draft } });
      this.notice.set(`De reactie op punt ${pointNumber} van ${motion.reference} is opgeslagen.`);
      this.list.reload();
    } catch (error) {
      this.problem.set(describeChangeError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
