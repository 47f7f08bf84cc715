import { describe, expect, it } from 'vitest';
import { amsterdamMidnight, auditQueryParams, auditQueryProblem, readAuditQuery, toAuditListFilter } from './audit-filter';

describe('the audit filters', () => {
  it('read from the URL, ignoring malformed days', () => {
    expect(readAuditQuery({ onderdeel: 'computation', door: ' admin@demo.koers.nl ', van: '2026-11-01', tot: '2026-02-30' })).toEqual({
      onderdeel: 'computation',
      door: 'admin@demo.koers.nl',
      van: '2026-11-01',
      tot: '',
    });
    expect(readAuditQuery({})).toEqual({ onderdeel: '', door: '', van: '', tot: '' });
  });

  it('leave empty filters out of the URL', () => {
    expect(auditQueryParams({ onderdeel: '', door: 'admin@demo.koers.nl', van: '', tot: '2026-11-30' })).toEqual({
      door: 'admin@demo.koers.nl',
      tot: '2026-11-30',
    });
  });

  it('ask for whole days in Amsterdam, the last day included', () => {
    expect(toAuditListFilter({ onderdeel: 'computation', door: '', van: '2026-07-01', tot: '2026-11-30' })).toEqual({
      entity: 'computation',
      from: '2026-06-30T22:00:00.000Z',
      to: '2026-11-30T23:00:00.000Z',
    });
    expect(toAuditListFilter({ onderdeel: '', door: '', van: '', tot: '' })).toEqual({});
  });

  it('find the start of a day in Amsterdam in summer and winter time', () => {
    expect(amsterdamMidnight('2026-01-15')).toBe('2026-01-14T23:00:00.000Z');
    expect(amsterdamMidnight('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(amsterdamMidnight('2026-03-30')).toBe('2026-03-29T22:00:00.000Z');
  });

  it('say when the last day comes before the first', () => {
    expect(auditQueryProblem({ onderdeel: '', door: '', van: '2026-11-30', tot: '2026-11-01' })).toBe(
      'De datum "tot en met" ligt vóór de datum "vanaf". Kies een latere einddatum.',
    );
    expect(auditQueryProblem({ onderdeel: '', door: '', van: '2026-11-01', tot: '2026-11-01' })).toBeNull();
  });
});
