import { describe, expect, it } from 'vitest';
import { injectFilter } from './filter-injection';

const where = ' FILTER (WHERE (\nf\n))';

describe('injectFilter', () => {
  it.each([
    ['count(*)', `count(*)${where}`],
    ['sum("inwoners")', `sum("inwoners")${where}`],
    ['sum(x) / nullif(count(*), 0)', `sum(x)${where} / nullif(count(*)${where}, 0)`],
    ['count(DISTINCT wijk)', `count(DISTINCT wijk)${where}`],
    ['coalesce(sum(t.x), 0) * 100 -- procent', `coalesce(sum(t.x)${where}, 0) * 100 -- procent`],
    ['CASE WHEN count(*) > 0 THEN 1 ELSE 0 END', `CASE WHEN count(*)${where} > 0 THEN 1 ELSE 0 END`],
    ['round(avg( bedrag ), 2)', `round(avg( bedrag )${where}, 2)`],
  ])('rewrites %s', (measure, expected) => {
    expect(injectFilter(measure, 'f')).toBe(expected);
  });

  it.each([
    ['sum(CAST(w AS INTEGER))', 'an argument that could fail on an excluded row'],
    ['sum(x * 2)', 'an expression as argument'],
    ['avg(x) FILTER (WHERE y > 0)', 'a FILTER of its own'],
    ['sum(x) OVER ()', 'a window'],
    ['string_agg(x, \',\' ORDER BY x)', 'an aggregate not on the list'],
    ['entropy(x)', 'an unknown function'],
    ['x.sum()', 'method-call syntax'],
    ['42', 'no aggregate at all'],
    ["'open", 'text that does not tokenize'],
  ])('leaves %s alone (%s)', (measure) => {
    expect(injectFilter(measure, 'f')).toBeNull();
  });
});
