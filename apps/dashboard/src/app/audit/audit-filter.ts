/** The audit page's filters as they stand in its URL (`?onderdeel=computation&door=...&van=2026-11-01&tot=2026-11-30`). */
export interface AuditQuery {
  /** The entity (`computation`), or empty for every one. */
  readonly onderdeel: string;
  /** Who made the change: their e-mail address, exactly; empty for anyone. */
  readonly door: string;
  /** The first day (YYYY-MM-DD, in Amsterdam), or empty. */
  readonly van: string;
  /** The last day, included (YYYY-MM-DD, in Amsterdam), or empty. */
  readonly tot: string;
}

/** What `audit.list` takes besides the municipality and the page. */
export interface AuditListFilter {
  readonly entity?: string;
  readonly actor?: string;
  /** ISO moment: changes at or after. */
  readonly from?: string;
  /** ISO moment: changes before. */
  readonly to?: string;
}

/** The query from the URL's parameters; anything malformed counts as not given. */
export function readAuditQuery(parameters: { readonly [name: string]: string | undefined }): AuditQuery {
  const text = (value: string | undefined, maximum: number) => (value ?? '').trim().slice(0, maximum);
  const day = (value: string | undefined) => (isCalendarDay(value ?? '') ? (value ?? '') : '');
  return { onderdeel: text(parameters['onderdeel'], 100), door: text(parameters['door'], 320), van: day(parameters['van']), tot: day(parameters['tot']) };
}

/** The query as URL parameters, without the empty ones (so a plain `/logboek` has none). */
export function auditQueryParams(query: AuditQuery): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
}

/** What the query asks of `audit.list`: whole days in Amsterdam, `tot` included. */
export function toAuditListFilter(query: AuditQuery): AuditListFilter {
  return {
    ...(query.onderdeel === '' ? {} : { entity: query.onderdeel }),
    ...(query.door === '' ? {} : { actor: query.door }),
    ...(query.van === '' ? {} : { from: amsterdamMidnight(query.van) }),
    ...(query.tot === '' ? {} : { to: amsterdamMidnight(nextDay(query.tot)) }),
  };
}

/** Why the dates cannot be used together, in Dutch, or null. */
export function auditQueryProblem(query: AuditQuery): string | null {
  if (query.van !== '' && query.tot !== '' && query.tot < query.van) {
    return 'De datum "tot en met" ligt vóór de datum "vanaf". Kies een latere einddatum.';
  }
  return null;
}

function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function nextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

const amsterdamParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * The moment a day begins in Amsterdam, as ISO (`2026-07-01` → `2026-06-30T22:00:00.000Z`),
 * whatever zone the browser is in. The clocks never change at midnight there.
 */
export function amsterdamMidnight(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(year, month - 1, date);
  const parts = Object.fromEntries(amsterdamParts.formatToParts(new Date(utcMidnight)).map((part) => [part.type, part.value]));
  const shownAsUtc = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']));
  const offset = shownAsUtc - utcMidnight;
  return new Date(utcMidnight - offset).toISOString();
}
