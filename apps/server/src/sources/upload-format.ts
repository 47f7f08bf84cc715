import type { SourceFormat } from '@koers/domain';

/** The content types an upload may have, and the source format each is. */
export const uploadContentTypes: Readonly<Record<string, SourceFormat>> = {
  'text/csv': 'csv',
  'application/vnd.apache.parquet': 'parquet',
  'application/json': 'json',
  'application/x-ndjson': 'json',
};

/** The format a request's `Content-Type` names (parameters such as `charset` aside); undefined for any other type. */
export function formatOfContentType(contentType: string | undefined): SourceFormat | undefined {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return uploadContentTypes[type];
}

/** The format a file name's extension says, for a multipart part sent as `application/octet-stream`. */
export function formatOfFileName(name: string): SourceFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.parquet')) return 'parquet';
  if (/\.(json|ndjson|jsonl)$/.test(lower)) return 'json';
  return undefined;
}

/** What the first bytes of a file are: Parquet (`PAR1`), JSON (`{` or `[`), text (CSV), or something else binary. */
export type SniffedContent = SourceFormat | 'binary' | 'empty';

/**
 * What a file is, by its first bytes (up to 64 KiB): Parquet files begin with
 * `PAR1`; JSON and NDJSON with `{` or `[` (after white space and a BOM); text
 * without NUL bytes is taken for CSV; anything else (gzip, a spreadsheet, an
 * image) is binary, which no source reads as such.
 */
export function sniffContent(head: Uint8Array): SniffedContent {
  if (head.length === 0) return 'empty';
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31) return 'parquet';
  if (head.includes(0)) return 'binary';
  let index = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (index < head.length && [0x20, 0x09, 0x0a, 0x0d].includes(head[index] ?? 0)) index += 1;
  const first = head[index];
  return first === 0x7b || first === 0x5b ? 'json' : 'csv';
}

const formatNames: Readonly<Record<SniffedContent, string>> = {
  csv: 'tekst (CSV)',
  parquet: 'Parquet (het begint met PAR1)',
  json: 'JSON',
  binary: 'een binair bestand (geen CSV, Parquet of JSON; misschien gecomprimeerd of een spreadsheet)',
  empty: 'leeg',
};

/** The content type to send for a format, in a message that says how to fix an upload. */
export function contentTypeOf(format: SourceFormat): string {
  return format === 'csv' ? 'text/csv' : format === 'parquet' ? 'application/vnd.apache.parquet' : 'application/json (of application/x-ndjson)';
}

/**
 * Why the content does not fit the format it was sent as, or undefined when
 * it does. A Parquet file sent as `text/csv` would otherwise be sniffed as
 * CSV of garbage; refused here, it says what it is and what to send.
 */
export function contentMismatch(sent: SourceFormat, content: SniffedContent): string | undefined {
  if (content === 'empty') return 'Het bestand is leeg: stuur het bestand zelf als inhoud van het verzoek (curl --data-binary @bestand.csv) of als multipart-veld "file".';
  if (content === sent) return undefined;
  const fix = content === 'binary' ? 'pak het eerst uit, of sla het op als CSV' : `stuur het als ${contentTypeOf(content as SourceFormat)}`;
  return `Het bestand is ${formatNames[content]}, maar het is verstuurd als ${contentTypeOf(sent)}: ${fix}.`;
}

/** The extension Koers gives a file of this format (it chooses every name itself). */
export function extensionOf(format: SourceFormat): string {
  return format;
}
