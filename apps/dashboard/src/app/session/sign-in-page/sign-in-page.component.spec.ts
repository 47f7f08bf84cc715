import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { Router } from '@angular/router';
import type { RouterTestingHarness } from '@angular/router/testing';
import { sampleViewer } from '@koers/api/testing';
import { describe, expect, it } from 'vitest';
import { type InMemoryKoers, inMemoryKoers, type InMemoryKoersOptions } from '../../testing/in-memory-koers';
import { openPage, pageText } from '../../testing/page-text';
import { demoAccounts } from '../demo-accounts';

function setUp(options: InMemoryKoersOptions = { viewer: null }): InMemoryKoers {
  const koers = inMemoryKoers(options);
  TestBed.configureTestingModule({ providers: [koers.providers] });
  return koers;
}

/** Fills the form as a user types and presses "Aanmelden"; resolves once the page has settled. */
async function signIn(harness: RouterTestingHarness, email: string, password: string): Promise<void> {
  const loader = TestbedHarnessEnvironment.loader(harness.fixture);
  await (await loader.getHarness(MatInputHarness.with({ selector: '[name="email"]' }))).setValue(email);
  await (await loader.getHarness(MatInputHarness.with({ selector: '[name="password"]' }))).setValue(password);
  await (await loader.getHarness(MatButtonHarness.with({ text: 'Aanmelden' }))).click();
  await harness.fixture.whenStable();
  // The navigation after signing in, and the focus move after a refusal.
  await new Promise((settle) => setTimeout(settle));
  await harness.fixture.whenStable();
}

describe('SignInPageComponent', () => {
  it('is where someone not signed in lands, before any page loads data, and leads back there afterwards', async () => {
    const koers = setUp();
    const harness = await openPage('/uithoorn/indicatoren/vernielingen?periode=2025-Q3');

    expect(TestBed.inject(Router).url).toBe('/aanmelden?terug=%2Fuithoorn%2Findicatoren%2Fvernielingen%3Fperiode%3D2025-Q3');
    expect(koers.catalog.reads).toEqual([]);

    await signIn(harness, 'college@proef.koers.example', 'koers-demo');

    expect(TestBed.inject(Router).url).toBe('/uithoorn/indicatoren/vernielingen?periode=2025-Q3');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('Vernielingen per 1.000 inwoners');
    expect(koers.auth.requests).toEqual([{ call: 'POST /auth/login', koersRequest: '1' }]);
  });

  it('labels its fields and tells the browser what they hold, so a password manager can fill them', async () => {
    setUp();
    const harness = await openPage('/aanmelden');
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);

    const fields = await loader.getAllHarnesses(MatFormFieldHarness);
    expect(await Promise.all(fields.map((field) => field.getLabel()))).toEqual(['E-mailadres', 'Wachtwoord']);
    const email = harness.routeNativeElement?.querySelector('input[name="email"]');
    const password = harness.routeNativeElement?.querySelector('input[name="password"]');
    expect([email?.getAttribute('type'), email?.getAttribute('autocomplete')]).toEqual(['email', 'username']);
    expect([password?.getAttribute('type'), password?.getAttribute('autocomplete')]).toEqual(['password', 'current-password']);
    expect(document.title).toBe('Aanmelden · Koers');
  });

  it("shows the server's messages next to the fields it refused, and puts focus in the first", async () => {
    const koers = setUp();
    const harness = await openPage('/aanmelden');

    await signIn(harness, '', '');

    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const [email, password] = await loader.getAllHarnesses(MatFormFieldHarness);
    expect(await email?.getTextErrors()).toEqual(['Vul uw e-mailadres in.']);
    expect(await password?.getTextErrors()).toEqual(['Vul uw wachtwoord in.']);
    expect(document.activeElement?.getAttribute('name')).toBe('email');
    expect(harness.routeNativeElement?.querySelector('input[name="email"]')?.getAttribute('aria-invalid')).toBe('true');
    expect(koers.auth.viewer).toBeNull();
    expect(TestBed.inject(Router).url).toBe('/aanmelden');
  });

  it('says above the form that the e-mail address or password is wrong, and moves focus there', async () => {
    setUp();
    const harness = await openPage('/aanmelden');

    await signIn(harness, 'college@proef.koers.example', 'verkeerd');

    const alert = harness.routeNativeElement?.querySelector('[role="alert"]');
    expect(alert?.textContent?.trim()).toBe('Het e-mailadres of het wachtwoord klopt niet.');
    expect(document.activeElement).toBe(alert);
    expect(TestBed.inject(Router).url).toBe('/aanmelden');
  });

  it('says how long to wait after too many attempts', async () => {
    const koers = setUp();
    koers.auth.rateLimitSeconds = 900;
    const harness = await openPage('/aanmelden');

    await signIn(harness, 'college@proef.koers.example', 'verkeerd');

    expect(harness.routeNativeElement?.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Te veel aanmeldpogingen. Wacht 15 minuten en probeer het dan opnieuw.',
    );
  });

  it('shows that it is busy while it signs in, and does not send twice', async () => {
    const koers = setUp();
    const harness = await openPage('/aanmelden');
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    await (await loader.getHarness(MatInputHarness.with({ selector: '[name="email"]' }))).setValue('college@proef.koers.example');
    await (await loader.getHarness(MatInputHarness.with({ selector: '[name="password"]' }))).setValue('koers-demo');
    const release = koers.auth.hold();
    const form = harness.routeNativeElement?.querySelector('form');
    form?.dispatchEvent(new Event('submit'));
    form?.dispatchEvent(new Event('submit'));
    harness.detectChanges();

    expect(form?.getAttribute('aria-busy')).toBe('true');
    expect(harness.routeNativeElement?.querySelector('button[type="submit"]')?.textContent?.trim()).toBe('Bezig met aanmelden…');
    release();
    await harness.fixture.whenStable();
    await new Promise((settle) => setTimeout(settle));
    expect(koers.auth.requests).toHaveLength(1);
    expect(TestBed.inject(Router).url).toBe('/diemen');
  });

  it('goes to the start after signing in when ?terug= names another site', async () => {
    setUp();
    const harness = await openPage('/aanmelden?terug=%2F%2Felders.nl%2Fpad');

    await signIn(harness, 'college@proef.koers.example', 'koers-demo');

    expect(TestBed.inject(Router).url).toBe('/diemen');
  });

  it("offers the identity provider's button only when the installation has one", async () => {
    setUp({ viewer: null, identityProvider: { label: 'Uithoorn-account' } });
    const harness = await openPage('/aanmelden');

    const link = harness.routeNativeElement?.querySelector('a[href="/auth/oidc/login"]');
    expect(link?.textContent?.trim()).toBe('Aanmelden met Uithoorn-account');
  });

  it('has no identity provider button without one', async () => {
    setUp();
    const harness = await openPage('/aanmelden');

    expect(harness.routeNativeElement?.querySelector('a[href="/auth/oidc/login"]')).toBeNull();
  });

  it.each([
    ['mislukt', 'Aanmelden via Uithoorn-account is mislukt. Probeer het opnieuw, of meld u aan met uw e-mailadres en wachtwoord.'],
    ['geen-toegang', 'U bent bij Uithoorn-account aangemeld, maar Koers kent u nog niet als gebruiker. Vraag de beheerder van Koers in uw gemeente om toegang.'],
    ['verlopen', 'Uw sessie is verlopen of elders beëindigd. Meld u opnieuw aan; daarna gaat u verder waar u was.'],
  ])('says why the user is back after ?fout=%s', async (reason, text) => {
    setUp({ viewer: null, identityProvider: { label: 'Uithoorn-account' } });
    const harness = await openPage(`/aanmelden?fout=${reason}`);

    expect(harness.routeNativeElement?.querySelector('[role="status"]')?.textContent?.trim()).toBe(text);
  });

  it('lists the demo accounts and their password in demo mode', async () => {
    setUp({ viewer: null, mode: 'demo' });
    const harness = await openPage('/aanmelden');

    const text = pageText(harness);
    expect(text).toContain('Demo-accounts');
    expect(text).toContain('het wachtwoord is koers-demo');
    for (const account of demoAccounts) expect(text).toContain(account.email);
  });

  it('lists no demo accounts in production', async () => {
    setUp({ viewer: null, mode: 'production' });
    const harness = await openPage('/aanmelden');

    expect(pageText(harness)).not.toContain('Demo-accounts');
    expect(pageText(harness)).not.toContain('koers-demo');
  });

  it('sends a signed-in user on to where they were going', async () => {
    setUp({ viewer: sampleViewer('college') });
    await openPage('/aanmelden?terug=%2Fhilversum');

    expect(TestBed.inject(Router).url).toBe('/hilversum');
  });
});
