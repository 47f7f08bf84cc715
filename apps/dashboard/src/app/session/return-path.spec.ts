import { describe, expect, it } from 'vitest';
import { safeReturnPath, signInUrl } from './return-path';

describe('safeReturnPath', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeReturnPath('/uithoorn/indicatoren/vernielingen?periode=2025-Q3#tabel')).toBe(
      '/uithoorn/indicatoren/vernielingen?periode=2025-Q3#tabel',
    );
    expect(safeReturnPath('/uithoorn/logboek?onderdeel=computation')).toBe('/uithoorn/logboek?onderdeel=computation');
  });

  it.each([
    ['another site', 'https://elders.nl/'],
    ['a protocol-relative address', '//elders.nl/pad'],
    ['a backslash a browser reads as a slash', '/\\elders.nl'],
    ['a backslash further on', '/uithoorn\\..\\x'],
    ['a script', 'javascript:alert(1)'],
    ['a relative path', 'uithoorn'],
    ['a tab inside', '/\t/elders.nl'],
    ['the sign-in page itself', '/aanmelden?terug=/uithoorn'],
    ['nothing', undefined],
    ['empty', ''],
  ])('leads to the start instead of %s', (_what, value) => {
    expect(safeReturnPath(value)).toBe('/');
  });
});

describe('signInUrl', () => {
  it('leads back to where the user was, with the reason when there is one', () => {
    expect(signInUrl('/uithoorn/indicatoren/vernielingen')).toBe('/aanmelden?terug=%2Fuithoorn%2Findicatoren%2Fvernielingen');
    expect(signInUrl('/uithoorn', 'verlopen')).toBe('/aanmelden?fout=verlopen&terug=%2Fuithoorn');
  });

  it('has no ?terug= for the start', () => {
    expect(signInUrl('/')).toBe('/aanmelden');
  });
});
