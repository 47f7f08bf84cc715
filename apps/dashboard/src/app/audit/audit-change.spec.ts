import { describe, expect, it } from 'vitest';
import { describeChange, readable } from './audit-change';

describe('describeChange', () => {
  it('lists each field that changed, with its value before and after', () => {
    expect(
      describeChange(
        { department: 'Bestuur', portfolioHolders: ['A. de Vries'], budget: 1200 },
        { department: 'Bestuur en Organisatie', portfolioHolders: ['A. de Vries'], budget: 1250.5 },
      ),
    ).toEqual([
      { field: 'department', before: 'Bestuur', after: 'Bestuur en Organisatie' },
      { field: 'budget', before: '1.200', after: '1.250,5' },
    ]);
  });

  it('lists the fields of something new, and of something removed', () => {
    expect(describeChange(null, { trigger: 'request' })).toEqual([{ field: 'trigger', before: null, after: 'request' }]);
    expect(describeChange({ status: 'lopend' }, null)).toEqual([{ field: 'status', before: 'lopend', after: null }]);
  });

  it('shows a state that is not an object as one line, and nothing when nothing changed', () => {
    expect(describeChange(3, 4)).toEqual([{ field: '', before: '3', after: '4' }]);
    expect(describeChange(null, null)).toEqual([]);
    expect(describeChange({ a: 1 }, { a: 1 })).toEqual([]);
  });
});

describe('readable', () => {
  it('writes values as a Dutch reader takes them in', () => {
    expect(readable('tekst')).toBe('tekst');
    expect(readable(0.51)).toBe('0,51');
    expect(readable(true)).toBe('ja');
    expect(readable(['uithoorn', 'diemen'])).toBe('uithoorn, diemen');
    expect(readable({ programs: 2 })).toBe('{"programs":2}');
    expect(readable(undefined)).toBeNull();
  });
});
