import type { ColumnType, SourceFormat, SourceJobKind, SourceJobState, SourceProblem } from '@koers/domain';

/** The steps of a job as the data team reads them, in order. */
export const jobStateLabels: Readonly<Record<SourceJobState, string>> = {
  received: 'Bestand ontvangen',
  previewing: 'Voorbeeld maken',
  previewed: 'Voorbeeld klaar',
  loading: 'Klaarzetten en laden',
  computing: 'Indicatoren herberekenen',
  done: 'Klaar',
  failed: 'Mislukt',
};

/** What a job does. */
export const jobKindLabels: Readonly<Record<SourceJobKind, string>> = {
  upload: 'Nieuwe versie',
  new_source: 'Nieuwe bron',
  rollback: 'Terugzetten',
};

/** The column types of the workspace format, in Dutch beside their name in the file. */
export const columnTypeLabels: Readonly<Record<ColumnType, string>> = {
  varchar: 'tekst (varchar)',
  integer: 'geheel getal (integer)',
  bigint: 'groot geheel getal (bigint)',
  double: 'kommagetal (double)',
  decimal: 'decimaal getal (decimal)',
  boolean: 'ja/nee (boolean)',
  date: 'datum (date)',
  timestamp: 'tijdstip (timestamp)',
};

export const formatLabels: Readonly<Record<SourceFormat, string>> = { csv: 'CSV', parquet: 'Parquet', json: 'JSON' };

/** The content type to send a file as, by its name's extension; undefined for a kind of file no source reads. */
export function contentTypeOfFile(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'text/csv';
  if (lower.endsWith('.parquet')) return 'application/vnd.apache.parquet';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'application/x-ndjson';
  if (lower.endsWith('.json')) return 'application/json';
  return undefined;
}

/** `1536` → `1,5 kB`: a file size in Dutch, in decimal units as file managers show them. */
export function formatFileSize(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toLocaleString('nl-NL', { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}

/** The first 12 characters of a sha256, as the history shows it (the whole one in its title). */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

/** Where a problem is: `data/misdrijven.csv:3 (kolom pleegdatum)`, as much of it as the engine knows. */
export function problemPlace(problem: Pick<SourceProblem, 'file' | 'line' | 'column'>): string {
  return `${problem.file}${problem.line ? `:${problem.line}` : ''}${problem.column ? ` (kolom ${problem.column})` : ''}`;
}
