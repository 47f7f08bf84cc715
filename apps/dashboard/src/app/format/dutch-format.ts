// How numbers, periods and moments read in the dashboard: Dutch (nl-NL), in
// Amsterdam's time, whatever the browser's own language or zone.

const locale = 'nl-NL';
const timeZone = 'Europe/Amsterdam';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

function fractionDigits(decimals: number | null): Intl.NumberFormatOptions {
  // Without a declared precision, at most two decimals: enough to read, never a long tail.
  return decimals === null
    ? { maximumFractionDigits: 2 }
    : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
}

/** `1234.5` → `1.234,5`; with `decimals`, exactly that many. */
export function formatNumber(value: number, decimals: number | null = null): string {
  return numberFormat(fractionDigits(decimals)).format(value);
}

/** A value with its unit: `0,51 per 1.000 inwoners`, `80%`; `geen waarde` when there is none. */
export function formatValue(value: number | null | undefined, unit: string, decimals: number | null = null): string {
  if (value === null || value === undefined) return 'geen waarde';
  const number = formatNumber(value, decimals);
  if (unit === '') return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

/** A change with its sign: `+0,05`, `-1.234`, `0`. */
export function formatDelta(delta: number, decimals: number | null = null): string {
  return numberFormat({ ...fractionDigits(decimals), signDisplay: 'exceptZero' }).format(delta);
}

/** A percentage change with its sign and one decimal: `+5,2%`. */
export function formatPercentChange(percent: number): string {
  return `${numberFormat({ maximumFractionDigits: 1, minimumFractionDigits: 1, signDisplay: 'exceptZero' }).format(percent)}%`;
}

const monthNames = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** A period as a reader says it: `2025-Q3` → `3e kwartaal 2025`, `2025-03` → `maart 2025`, `2025` → `2025`. */
export function formatPeriod(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[2]}e kwartaal ${quarter[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${monthNames[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  return period;
}

const shortMonthNames = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'] as const;

/** A period short enough for a chart axis: `2025-Q3` → `K3 2025`, `2025-03` → `mrt 2025`. */
export function formatPeriodShort(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `K${quarter[2]} ${quarter[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${shortMonthNames[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  return period;
}

const dateFormat = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(locale, {
  timeZone,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** A day: `2025-12-31` or an ISO moment → `31 december 2025`. */
export function formatDate(isoDate: string): string {
  // A bare date is a calendar day, not midnight UTC: read it at noon so no zone moves it.
  const moment = /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? `${isoDate}T12:00:00Z` : isoDate;
  return dateFormat.format(new Date(moment));
}

/** A moment, in Amsterdam's time: `2026-11-30T08:00:00Z` → `30 november 2026 om 09:00`. */
export function formatDateTime(isoMoment: string): string {
  const parts = dateTimeFormat.formatToParts(new Date(isoMoment));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')} om ${part('hour')}:${part('minute')}`;
}
