import type { IndicatorDraft } from '@koers/domain';
import { Document, isCollection, isMap, isScalar, parse, parseDocument, type Pair } from 'yaml';

/** The fields of an indicator file in the order of the workspace format; a new file is written in this order. */
const fieldOrder = [
  'id',
  'title',
  'description',
  'unit',
  'direction',
  'grain',
  'source',
  'time',
  'measure',
  'filter',
  'per',
  'dimensions',
  'baseline',
  'targets',
  'tolerance',
  'decimals',
  'bbv',
] as const;

/**
 * Writes an indicator draft as the text of `indicators/<id>.yaml`. Given the
 * file's current text, it changes only the fields whose value changed: the
 * comments and the other fields stay (a flow list may be re-spaced, `[a]` to
 * `[ a ]`), so a form edit reads as a small diff, and a form saved unchanged
 * leaves the file byte for byte. Fields are kept in the format's order. Nothing is judged here: a draft with a
 * wrong value is written as it is, and the loader says what is wrong with it
 * and where.
 *
 * @example
 * writeIndicatorYaml({ id: 'banen', title: 'Banen', unit: 'banen', direction: 'higher_is_better',
 *   grain: 'year', source: 'werkgelegenheid', time: 'peildatum', measure: 'sum(banen)' }, null);
 * // 'title: Banen\nunit: banen\ndirection: higher_is_better\n...'
 */
export function writeIndicatorYaml(draft: IndicatorDraft, currentText: string | null): string {
  const fields = fieldsOf(draft);
  const document = currentText === null ? undefined : editableDocument(currentText);
  if (document === undefined) return documentOf(fields).toString(stringifyOptions);
  const current = (document.toJS() ?? {}) as Record<string, unknown>;
  let isChanged = false;
  for (const key of fieldOrder) {
    if (key === 'id') continue; // the file name is the id; an `id:` field already there is left alone
    const value = fields[key];
    if (value === undefined && document.has(key)) document.delete(key);
    else if (value !== undefined && !isSameValue(current[key], value)) document.set(key, nodeLike(document, document.get(key, true), value));
    else continue;
    isChanged = true;
  }
  // Unchanged, the file stays byte for byte (the YAML writer would space flow lists `[ a ]`).
  if (!isChanged) return currentText as string;
  const contents = document.contents;
  if (isMap(contents)) contents.items.sort((left, right) => rank(left) - rank(right));
  return document.toString(stringifyOptions);
}

/**
 * The form's draft of an indicator file: its fields as they are written,
 * whether or not they are valid, so a file with a problem still opens in the
 * form where the problem can be fixed. Unknown fields are left out.
 */
export function readIndicatorDraft(id: string, text: string): IndicatorDraft {
  const value = safeParse(text);
  const text_ = (key: string, from: Record<string, unknown> = value): string | undefined => {
    const found = from[key];
    return found === undefined || found === null ? undefined : typeof found === 'object' ? undefined : String(found);
  };
  const number_ = (found: unknown): number | string | undefined =>
    typeof found === 'number' ? found : typeof found === 'string' ? found : undefined;
  const per = asRecord(value['per']);
  const baseline = asRecord(value['baseline']);
  const targets = asRecord(value['targets']);
  const dimensions = Array.isArray(value['dimensions']) ? value['dimensions'].map(String) : undefined;
  return compact({
    id,
    title: text_('title') ?? '',
    description: text_('description'),
    unit: text_('unit') ?? '',
    direction: text_('direction') ?? '',
    grain: text_('grain') ?? '',
    source: text_('source') ?? '',
    time: text_('time') ?? '',
    measure: text_('measure') ?? '',
    filter: text_('filter'),
    per:
      per === undefined
        ? undefined
        : compact({ source: text_('source', per) ?? '', time: text_('time', per) ?? '', measure: text_('measure', per) ?? '', scale: number_(per['scale']) }),
    dimensions,
    baseline: baseline === undefined ? undefined : { period: text_('period', baseline) ?? '', value: number_(baseline['value']) ?? '' },
    targets: targets === undefined ? undefined : Object.entries(targets).map(([year, target]) => ({ year, value: number_(target) ?? '' })),
    tolerance: number_(value['tolerance']),
    decimals: number_(value['decimals']),
    bbv: typeof value['bbv'] === 'boolean' ? value['bbv'] : undefined,
  }) as IndicatorDraft;
}

const stringifyOptions = { lineWidth: 0 } as const;

/** The draft as the plain values of the file: empty optional fields left out, numbers typed as numbers where they are. */
function fieldsOf(draft: IndicatorDraft): Partial<Record<(typeof fieldOrder)[number], unknown>> {
  const trimmed = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value.trim());
  const per = draft.per;
  const hasPer = per !== undefined && [per.source, per.time, per.measure, String(per.scale ?? '')].some((part) => part.trim() !== '');
  const baseline = draft.baseline;
  const hasBaseline = baseline !== undefined && (baseline.period.trim() !== '' || String(baseline.value).trim() !== '');
  const targets = (draft.targets ?? []).filter((target) => target.year.trim() !== '' || String(target.value).trim() !== '');
  const dimensions = (draft.dimensions ?? []).map((dimension) => dimension.trim()).filter((dimension) => dimension !== '');
  return compact({
    title: draft.title,
    description: trimmed(draft.description),
    unit: draft.unit,
    direction: draft.direction,
    grain: draft.grain,
    source: draft.source,
    time: draft.time,
    measure: draft.measure,
    filter: trimmed(draft.filter),
    per: hasPer ? compact({ source: per.source, time: per.time, measure: per.measure, scale: numberOrText(per.scale) }) : undefined,
    dimensions: dimensions.length > 0 ? dimensions : undefined,
    baseline: hasBaseline ? { period: baseline.period.trim(), value: numberOrText(baseline.value) ?? '' } : undefined,
    targets: targets.length > 0 ? Object.fromEntries(targets.map((target) => [target.year.trim(), numberOrText(target.value) ?? ''])) : undefined,
    tolerance: numberOrText(draft.tolerance),
    decimals: numberOrText(draft.decimals),
    bbv: draft.bbv === true ? true : undefined,
  });
}

/** A number where the text is one (`0.5`, `1000`; a Dutch `0,5` too); other text stays text, for the loader to name. */
function numberOrText(value: number | string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  const text = value.trim();
  if (text === '') return undefined;
  const normalised = /^-?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
  const number = Number(normalised);
  return /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(normalised) && Number.isFinite(number) ? number : text;
}

function documentOf(fields: Record<string, unknown>): Document {
  return new Document(fields);
}

/** The current file as an editable YAML document; undefined when it is not one (then it is written anew). */
function editableDocument(text: string): Document | undefined {
  try {
    const document = parseDocument(text, { uniqueKeys: false });
    return document.errors.length === 0 && isMap(document.contents) ? document : undefined;
  } catch {
    return undefined;
  }
}

/** A new node for `value`, written in the style of the node it replaces (a flow list stays a flow list). */
function nodeLike(document: Document, previous: unknown, value: unknown): unknown {
  const node = document.createNode(value);
  if (isCollection(node) && isCollection(previous) && previous.flow === true) node.flow = true;
  return node;
}

function rank(pair: Pair): number {
  // A key set here is a plain string; one read from the file a scalar node.
  const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
  const index = (fieldOrder as readonly string[]).indexOf(key);
  return index === -1 ? fieldOrder.length : index;
}

function isSameValue(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

function safeParse(text: string): Record<string, unknown> {
  try {
    const value: unknown = parse(text, { maxAliasCount: 100 });
    return asRecord(value) ?? {};
  } catch {
    return {};
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The object without its undefined fields, so the YAML has no `key: null` for what was left empty. */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
