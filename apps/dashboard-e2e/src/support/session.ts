import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

/** The password of every demo account. */
export const demoPassword = 'koers-demo';

/** A signed-in session: the `Cookie` header to send, and its name and value for a browser context. */
export interface SignedIn {
  readonly cookie: string;
  readonly name: string;
  readonly value: string;
}

/**
 * Signs in as a demo user through `POST /auth/login`, as a script would
 * (`X-Koers-Request: 1` in place of a browser's `Origin`).
 */
export async function signIn(baseUrl: string, email: string, password = demoPassword): Promise<SignedIn> {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-koers-request': '1' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`signing in as ${email} answered ${response.status}: ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const separator = cookie.indexOf('=');
  if (separator < 1) throw new Error(`signing in as ${email} set no cookie`);
  return { cookie, name: cookie.slice(0, separator), value: cookie.slice(separator + 1) };
}

/** A browser context (its own cookies) already signed in as `email`, for pages that are not about signing in. */
export async function signedInContext(
  browser: Browser,
  baseUrl: string,
  email: string,
  options: BrowserContextOptions = { viewport: { width: 1280, height: 900 } },
): Promise<BrowserContext> {
  const session = await signIn(baseUrl, email);
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  await context.addCookies([{ name: session.name, value: session.value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/**
 * Signs in on the sign-in page with the keyboard alone, as a user would: Tab
 * to the e-mail field, type, Tab to the password, type, Enter. The page must
 * show the sign-in form already.
 */
export async function signInWithKeyboard(page: Page, email: string, password = demoPassword): Promise<void> {
  const emailField = page.getByLabel('E-mailadres');
  await emailField.waitFor({ state: 'visible' });
  for (let press = 0; press < 40 && !(await emailField.evaluate((field) => field === document.activeElement)); press += 1) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}
