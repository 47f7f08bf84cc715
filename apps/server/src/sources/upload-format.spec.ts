import { describe, expect, it } from 'vitest';
import { contentMismatch, formatOfContentType, formatOfFileName, sniffContent } from './upload-format';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('what an upload is', () => {
  it('reads the format from the content type, parameters aside, and from a file name', () => {
    expect(formatOfContentType('text/csv; charset=utf-8')).toBe('csv');
    expect(formatOfContentType('Application/X-NDJSON')).toBe('json');
    expect(formatOfContentType('application/vnd.apache.parquet')).toBe('parquet');
    expect(formatOfContentType('text/plain')).toBeUndefined();
    expect(formatOfFileName('Misdrijven 2025.PARQUET')).toBe('parquet');
    expect(formatOfFileName('export.xlsx')).toBeUndefined();
  });

  it('tells Parquet, JSON, text and binary apart by the first bytes', () => {
    expect(sniffContent(bytes('PAR1\u0015\u0004'))).toBe('parquet');
    expect(sniffContent(bytes('\uFEFF  \n{"a":1}'))).toBe('json');
    expect(sniffContent(bytes('[{"a":1}]'))).toBe('json');
    expect(sniffContent(bytes('pleegdatum,soort\n'))).toBe('csv');
    expect(sniffContent(new Uint8Array([0x1f, 0x8b, 0x08, 0x00]))).toBe('binary');
    expect(sniffContent(new Uint8Array())).toBe('empty');
  });

  it('says what a file is and what to send when it is not what it was sent as', () => {
    expect(contentMismatch('csv', 'csv')).toBeUndefined();
    expect(contentMismatch('csv', 'parquet')).toBe('Het bestand is Parquet (het begint met PAR1), maar het is verstuurd als text/csv: stuur het als application/vnd.apache.parquet.');
    expect(contentMismatch('json', 'csv')).toBe('Het bestand is tekst (CSV), maar het is verstuurd als application/json (of application/x-ndjson): stuur het als text/csv.');
    expect(contentMismatch('csv', 'binary')).toMatch(/een binair bestand .*: pak het eerst uit, of sla het op als CSV\.$/);
    expect(contentMismatch('csv', 'empty')).toMatch(/^Het bestand is leeg/);
  });
});
