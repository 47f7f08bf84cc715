/** The sign-in page's path. */
export const signInPath = '/aanmelden';

/**
 * Where to go after signing in, from the `?terug=` of the sign-in page: only a
 * path on this site (`/uithoorn/logboek?van=...`), never another site
 * (`//elders.nl`, `https://...`, `/\elders.nl`) nor the sign-in page itself;
 * anything else is the start.
 *
 * @example
 * safeReturnPath('/uithoorn/indicatoren/vernielingen') // '/uithoorn/indicatoren/vernielingen'
 * safeReturnPath('https://elders.nl/')                  // '/'
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // Control characters and backslashes can make a browser read a path as another host.
  if ([...value].some((character) => character === '\\' || character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f)) return '/';
  const origin = 'https://koers.invalid';
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin || url.pathname === signInPath || url.pathname.startsWith(`${signInPath}/`)) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page's URL that leads back to `returnPath` afterwards, optionally saying why (`?fout=verlopen`). */
export function signInUrl(returnPath: string, reason?: string): string {
  const query = new URLSearchParams();
  if (reason !== undefined) query.set('fout', reason);
  const back = safeReturnPath(returnPath);
  if (back !== '/') query.set('terug', back);
  const text = query.toString();
  return text === '' ? signInPath : `${signInPath}?${text}`;
}
