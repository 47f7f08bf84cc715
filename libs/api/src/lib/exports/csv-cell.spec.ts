import { describe, expect, it } from 'vitest';
import { csvFile, numberCell, textCell } from './csv-cell';

describe('CSV cells for Dutch Excel', () => {
  it('neutralises text that a spreadsheet would take for a formula', () => {
    expect(textCell('=HYPERLINK("http://x","klik")')).toBe(`"'=HYPERLINK(""http://x"",""klik"")"`);
    expect(textCell('+31 20')).toBe("'+31 20");
    expect(textCell('-3 graden')).toBe("'-3 graden");
    expect(textCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(textCell('\tverborgen')).toBe("'\tverborgen");
    expect(textCell('\rterug')).toBe(`"'\rterug"`);
    expect(textCell('Centrum')).toBe('Centrum');
  });

  it('quotes text with the separator, quotes or line breaks', () => {
    expect(textCell('Noord; Oost')).toBe('"Noord; Oost"');
    expect(textCell('regel\nnog een')).toBe('"regel\nnog een"');
  });

  it('writes numbers with a decimal comma at full precision, negative numbers as numbers', () => {
    expect(numberCell(1234.5)).toBe('1234,5');
    expect(numberCell(-3.5)).toBe('-3,5');
    expect(numberCell(0.1 + 0.2)).toBe('0,30000000000000004');
    expect(numberCell(0.0000001)).toBe('0,0000001');
    expect(numberCell(0)).toBe('0');
    expect(numberCell(null)).toBe('');
    expect(numberCell(Number.NaN)).toBe('');
  });

  it('starts with a byte order mark and ends every row with CRLF', () => {
    expect(csvFile([['a', 'b'], ['1', '2']])).toBe('\uFEFFa;b\r\n1;2\r\n');
  });
});
