import { FormArray, FormControl, FormGroup } from '@angular/forms';
import type { IndicatorDraft } from '@koers/domain';

/** One row of the targets: a calendar year and its target, as typed. */
export type TargetRow = FormGroup<{ year: FormControl<string>; value: FormControl<string> }>;

/** The indicator form: every field of `indicators/<id>.yaml` as text or a choice, as a person edits it. */
export type IndicatorForm = FormGroup<{
  id: FormControl<string>;
  title: FormControl<string>;
  description: FormControl<string>;
  unit: FormControl<string>;
  direction: FormControl<string>;
  grain: FormControl<string>;
  source: FormControl<string>;
  time: FormControl<string>;
  measure: FormControl<string>;
  filter: FormControl<string>;
  hasPer: FormControl<boolean>;
  perSource: FormControl<string>;
  perTime: FormControl<string>;
  perMeasure: FormControl<string>;
  perScale: FormControl<string>;
  dimensions: FormControl<string[]>;
  baselinePeriod: FormControl<string>;
  baselineValue: FormControl<string>;
  targets: FormArray<TargetRow>;
  tolerance: FormControl<string>;
  decimals: FormControl<string>;
  bbv: FormControl<boolean>;
  /** `programId/effectId` of the effect a new indicator is linked to; '' for none. */
  link: FormControl<string>;
}>;

const text = (value = '') => new FormControl(value, { nonNullable: true });

/** A target row, as typed. */
export function targetRow(year = '', value = ''): TargetRow {
  return new FormGroup({ year: text(year), value: text(value) });
}

/** The form of a draft: a new indicator's defaults when there is none. */
export function indicatorForm(draft: IndicatorDraft | null): IndicatorForm {
  const shown = (value: number | string | undefined): string => (value === undefined ? '' : typeof value === 'number' ? String(value).replace('.', ',') : value);
  return new FormGroup({
    id: text(draft?.id),
    title: text(draft?.title),
    description: text(draft?.description),
    unit: text(draft?.unit),
    direction: text(draft?.direction ?? 'higher_is_better'),
    grain: text(draft?.grain ?? 'quarter'),
    source: text(draft?.source),
    time: text(draft?.time),
    measure: text(draft?.measure ?? 'count(*)'),
    filter: text(draft?.filter),
    hasPer: new FormControl(draft?.per !== undefined, { nonNullable: true }),
    perSource: text(draft?.per?.source),
    perTime: text(draft?.per?.time),
    perMeasure: text(draft?.per?.measure),
    perScale: text(shown(draft?.per?.scale)),
    dimensions: new FormControl<string[]>([...(draft?.dimensions ?? [])], { nonNullable: true }),
    baselinePeriod: text(draft?.baseline?.period),
    baselineValue: text(shown(draft?.baseline?.value)),
    targets: new FormArray((draft?.targets ?? []).map((target) => targetRow(target.year, shown(target.value)))),
    tolerance: text(shown(draft?.tolerance)),
    decimals: text(shown(draft?.decimals)),
    bbv: new FormControl(draft?.bbv === true, { nonNullable: true }),
    link: text(''),
  });
}

/** The draft the form holds, as the API takes it: numbers stay as typed (a Dutch `0,5` too); the server judges them. */
export function draftOf(form: IndicatorForm): IndicatorDraft {
  const value = form.getRawValue();
  const optional = (field: string) => (field.trim() === '' ? undefined : field);
  return dropUndefined({
    id: value.id.trim(),
    title: value.title,
    description: optional(value.description),
    unit: value.unit,
    direction: value.direction,
    grain: value.grain,
    source: value.source,
    time: value.time,
    measure: value.measure,
    filter: optional(value.filter),
    per: value.hasPer ? dropUndefined({ source: value.perSource, time: value.perTime, measure: value.perMeasure, scale: optional(value.perScale) }) : undefined,
    dimensions: value.dimensions,
    baseline:
      value.baselinePeriod.trim() === '' && value.baselineValue.trim() === '' ? undefined : { period: value.baselinePeriod, value: value.baselineValue },
    targets: value.targets.filter((target) => target.year.trim() !== '' || target.value.trim() !== ''),
    tolerance: optional(value.tolerance),
    decimals: optional(value.decimals),
    bbv: value.bbv,
  }) as IndicatorDraft;
}

/** The effect link the form asks for, or undefined. */
export function linkOf(form: IndicatorForm): { programId: string; effectId: string } | undefined {
  const [programId, effectId] = form.controls.link.value.split('/');
  return programId && effectId ? { programId, effectId } : undefined;
}

function dropUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
