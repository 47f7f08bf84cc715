/** One line of what a change did: a field, its value before and after (null: there was none). */
export interface ChangedField {
  readonly field: string;
  readonly before: string | null;
  readonly after: string | null;
}

const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 6 });

/**
 * A change's before and after as a reader takes it in: per field that
 * differs, its old and new value (`department: Bestuur → Bestuur en
 * Organisatie`); for a change that created something, its fields; for a
 * state that is not an object, the whole state as one line.
 *
 * @example
 * describeChange({ status: 'gepland' }, { status: 'lopend' }) // [{ field: 'status', before: 'gepland', after: 'lopend' }]
 */
export function describeChange(before: unknown, after: unknown): ChangedField[] {
  if (isRecord(before) || isRecord(after)) {
    const old = isRecord(before) ? before : {};
    const now = isRecord(after) ? after : {};
    const fields = [...new Set([...Object.keys(old), ...Object.keys(now)])];
    return fields
      .filter((field) => JSON.stringify(old[field]) !== JSON.stringify(now[field]))
      .map((field) => ({ field, before: readable(old[field]), after: readable(now[field]) }));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ field: '', before: readable(before), after: readable(after) }];
}

/** A stored value as text: numbers in Dutch, lists with commas, anything else as compact JSON; null when absent. */
export function readable(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberFormat.format(value);
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) {
    return value.map((item) => readable(item) ?? '').join(', ');
  }
  return JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
