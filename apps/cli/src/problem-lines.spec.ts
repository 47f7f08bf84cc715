import { describe, expect, it } from 'vitest';
import { contractErrorOf } from './problem-lines';
import { renderTable } from './table.renderer';

const hostile = { file: 'indicators/\u001b[2Jweg\n.yaml', line: 4, field: 'measure', message: 'unknown field "\u001b]0;titel\u0007"\r' };

describe('contractErrorOf', () => {
  it('puts line and field before the message, and keeps the real file name for JSON to escape', () => {
    expect(contractErrorOf(hostile)).toEqual({ file: hostile.file, message: 'line 4: measure: unknown field "\u001b]0;titel\u0007"\r' });
    expect(contractErrorOf({ file: 'sources/s.yaml', message: 'x' })).toEqual({ file: 'sources/s.yaml', message: 'x' });
    expect(JSON.stringify(contractErrorOf(hostile))).toContain('indicators/\\u001b[2Jweg\\n.yaml');
  });
});

describe('renderTable', () => {
  it('prints each error on one line with control characters escaped', () => {
    const text = renderTable({ indicators: [], errors: [contractErrorOf(hostile)] }, new Map());
    expect(text).toBe(
      [
        'indicator  latest  value  target  status  periods',
        '---------  ------  -----  ------  ------  -------',
        '(no indicators computed)',
        '',
        '1 error:',
        'indicators/\\x1b[2Jweg\\n.yaml: line 4: measure: unknown field "\\x1b]0;titel\\x07"\\r',
        '',
      ].join('\n'),
    );
  });
});
