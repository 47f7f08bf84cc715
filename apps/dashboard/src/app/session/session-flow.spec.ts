import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { DeferBlockBehavior, DeferBlockState, TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router } from '@angular/router';
import { sampleViewer } from '@koers/api/testing';
import type { Viewer } from '@koers/domain';
import { describe, expect, it } from 'vitest';
import { AppComponent } from '../app.component';
import { inMemoryKoers } from '../testing/in-memory-koers';
import { textOf } from '../testing/page-text';

/** The whole app (toolbar and page) at `url`, for `viewer`. */
async function renderApp(viewer: Viewer | null, url: string) {
  const koers = inMemoryKoers({ viewer });
  TestBed.configureTestingModule({ imports: [AppComponent], providers: [koers.providers], deferBlockBehavior: DeferBlockBehavior.Manual });
  await TestBed.compileComponents();
  const fixture = TestBed.createComponent(AppComponent);
  const router = TestBed.inject(Router);
  const element = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    await fixture.whenStable();
    await new Promise((wait) => setTimeout(wait));
    await fixture.whenStable();
  };
  const open = async (target: string) => {
    await router.navigateByUrl(target);
    await settle();
  };
  await open(url);
  return {
    koers,
    fixture,
    router,
    element,
    open,
    settle,
    main: () => element.querySelector('main'),
    sections: () => Array.from(element.querySelectorAll('nav[aria-label="Onderdelen"] a')).map((link) => [link.textContent?.trim(), link.getAttribute('href')]),
  };
}

async function signInThroughPage(app: Awaited<ReturnType<typeof renderApp>>, email: string): Promise<void> {
  const email_ = app.element.querySelector<HTMLInputElement>('input[name="email"]');
  const password = app.element.querySelector<HTMLInputElement>('input[name="password"]');
  if (!email_ || !password) throw new Error('no sign-in form on the page');
  email_.value = email;
  email_.dispatchEvent(new Event('input'));
  password.value = 'koers-demo';
  password.dispatchEvent(new Event('input'));
  app.element.querySelector('form')?.dispatchEvent(new Event('submit'));
  await app.settle();
}

describe('signing out', () => {
  it('shows who is signed in, ends the session with "Afmelden", and asks to sign in again on the next page', async () => {
    const app = await renderApp(sampleViewer('college'), '/uithoorn');
    expect(textOf(app.element.querySelector('.account'))).toBe('Aangemeld als Proef college Afmelden');

    app.element.querySelector<HTMLButtonElement>('button.sign-out')?.click();
    await app.settle();

    expect(app.koers.auth.requests).toEqual([{ call: 'POST /auth/logout', koersRequest: '1' }]);
    expect(app.koers.auth.viewer).toBeNull();
    expect(app.router.url).toBe('/aanmelden');
    expect(app.element.querySelector('.account')).toBeNull();
    expect(app.element.querySelector('nav[aria-label="Onderdelen"]')).toBeNull();

    await app.open('/uithoorn');
    expect(app.router.url).toBe('/aanmelden?terug=%2Fuithoorn');
  });

  it("forgets the previous user's municipalities: the next user sees only their own in the switcher", async () => {
    const app = await renderApp(sampleViewer('college'), '/uithoorn');
    const [switcherBlock] = await app.fixture.getDeferBlocks();
    await switcherBlock?.render(DeferBlockState.Complete);
    const loader = TestbedHarnessEnvironment.loader(app.fixture);
    const switcher = await loader.getHarness(MatSelectHarness);
    await switcher.open();
    expect(await Promise.all((await switcher.getOptions()).map((option) => option.getText()))).toEqual(['Diemen', 'Hilversum', 'Uithoorn']);
    await switcher.close();

    app.element.querySelector<HTMLButtonElement>('button.sign-out')?.click();
    await app.settle();
    await signInThroughPage(app, 'college-uithoorn@proef.koers.example');

    expect(app.router.url).toBe('/uithoorn');
    const [nextSwitcherBlock] = await app.fixture.getDeferBlocks();
    await nextSwitcherBlock?.render(DeferBlockState.Complete);
    const nextSwitcher = await TestbedHarnessEnvironment.loader(app.fixture).getHarness(MatSelectHarness);
    await nextSwitcher.open();
    expect(await Promise.all((await nextSwitcher.getOptions()).map((option) => option.getText()))).toEqual(['Uithoorn']);
  });

  it('keeps the user signed in, and says so, when the server does not confirm the sign-out', async () => {
    const app = await renderApp(sampleViewer('college'), '/uithoorn');
    app.koers.auth.isUnreachable = true;

    app.element.querySelector<HTMLButtonElement>('button.sign-out')?.click();
    await app.settle();

    expect(app.router.url).toBe('/uithoorn');
    expect(app.element.querySelector('header [role="alert"]')?.textContent).toContain('Afmelden is niet gelukt');
    expect(textOf(app.element.querySelector('.account'))).toContain('Proef college');
  });
});

describe('a session that ended elsewhere', () => {
  it('leads from the next refused request to the sign-in page, which says why and leads back', async () => {
    const app = await renderApp(sampleViewer('college'), '/uithoorn');

    app.koers.auth.viewer = null;
    await app.open('/uithoorn/programmas/veiligheid');

    expect(app.router.url).toBe('/aanmelden?fout=verlopen&terug=%2Fuithoorn%2Fprogrammas%2Fveiligheid');
    expect(textOf(app.main())).toContain('Uw sessie is verlopen of elders beëindigd.');

    await signInThroughPage(app, 'college@proef.koers.example');
    expect(app.router.url).toBe('/uithoorn/programmas/veiligheid');
  });
});

describe('the screens per role', () => {
  it('gives the college the live figures and the reports, without the audit trail or the recalculation', async () => {
    const app = await renderApp(sampleViewer('college'), '/uithoorn');

    expect(app.sections()).toEqual([
      ['Overzicht', '/uithoorn'],
      ['Vergelijken', '/uithoorn/vergelijken'],
      ['Acties', '/uithoorn/acties'],
      ['Rapportages', '/uithoorn/rapportages'],
    ]);
    expect(app.main()?.querySelector('h1')?.textContent).toBe('Uithoorn in één oogopslag');
    expect(textOf(app.main())).not.toContain('Nu opnieuw berekenen');
  });

  it('gives the data team its sources and definitions in the toolbar', async () => {
    const app = await renderApp(sampleViewer('data_team'), '/uithoorn');

    expect(app.sections()).toEqual([
      ['Overzicht', '/uithoorn'],
      ['Vergelijken', '/uithoorn/vergelijken'],
      ['Acties', '/uithoorn/acties'],
      ['Rapportages', '/uithoorn/rapportages'],
      ['Bronnen', '/uithoorn/bronnen'],
      ['Definities', '/uithoorn/definities'],
    ]);
    await app.open('/uithoorn/bronnen');
    expect(app.main()?.querySelector('h1')?.textContent).toBe('Bronnen van Uithoorn');
  });

  it('gives an admin the sources and the audit trail in the toolbar', async () => {
    const app = await renderApp(sampleViewer('admin'), '/uithoorn');

    expect(app.sections()).toEqual([
      ['Overzicht', '/uithoorn'],
      ['Vergelijken', '/uithoorn/vergelijken'],
      ['Acties', '/uithoorn/acties'],
      ['Rapportages', '/uithoorn/rapportages'],
      ['Bronnen', '/uithoorn/bronnen'],
      ['Logboek', '/uithoorn/logboek'],
    ]);
  });

  it('gives a council member the reports page instead of the live figures, wherever they go', async () => {
    const app = await renderApp(sampleViewer('council'), '/');

    expect(app.router.url).toBe('/diemen/rapportages');
    for (const path of ['/uithoorn', '/uithoorn/indicatoren/vernielingen', '/uithoorn/programmas/veiligheid', '/uithoorn/vergelijken', '/uithoorn/acties', '/uithoorn/programmas/veiligheid/bewerken']) {
      await app.open(path);
      expect(app.router.url).toBe('/uithoorn/rapportages');
    }
    expect(app.sections()).toEqual([['Rapportages', '/uithoorn/rapportages']]);
    expect(app.main()?.querySelector('h1')?.textContent).toBe('Kwartaalrapportages van Uithoorn');
    const text = textOf(app.main());
    expect(text).toContain('Kwartaalrapportage 4e kwartaal 2025 Gepubliceerd aan de raad, versie 2');
    expect(text).not.toContain('Rapportage opstellen');
    expect(app.main()?.querySelector('[role="alert"]')).toBeNull();
    expect(app.koers.catalog.reads.filter((read) => !read.startsWith('listMunicipalities'))).toEqual([]);
  });

  it('tells a user without any role whom to ask, on whatever page they open', async () => {
    const app = await renderApp({ userId: 'nieuw', name: 'Nieuwe Collega', email: 'nieuw@uithoorn.example', grants: [] }, '/uithoorn');

    expect(app.router.url).toBe('/geen-toegang');
    const text = textOf(app.main());
    expect(app.main()?.querySelector('h1')?.textContent).toBe('U heeft nog geen toegang tot een gemeente');
    expect(text).toContain('Vraag de beheerder van Koers in uw gemeente');
    expect(text).toContain('nieuw@uithoorn.example');
    expect(app.koers.catalog.reads).toEqual([]);
  });

  it('says a role that does not open a page does not, and leads to what it does open', async () => {
    const app = await renderApp(sampleViewer('team_lead'), '/uithoorn/logboek');

    const alert = app.main()?.querySelector('[role="alert"]');
    expect(textOf(alert)).toContain('U heeft geen toegang tot deze gegevens van gemeente "uithoorn".');
    expect(textOf(alert)).toContain('Uw rol in deze gemeente geeft geen toegang tot deze pagina.');
    expect(alert?.querySelector('a')?.getAttribute('href')).toBe('/uithoorn');
    expect(alert?.querySelector('button')).toBeNull();
  });

  it("refuses another municipality's figures, offering the user's own", async () => {
    const app = await renderApp(sampleViewer('college', ['uithoorn']), '/hilversum/indicatoren/vernielingen');

    const alert = app.main()?.querySelector('[role="alert"]');
    expect(textOf(alert)).toContain('U heeft geen toegang tot deze gegevens van gemeente "hilversum".');
    expect(Array.from(alert?.querySelectorAll('a') ?? []).map((link) => link.getAttribute('href'))).toEqual(['/uithoorn']);
    // No sections of a municipality that is not theirs.
    expect(app.element.querySelector('nav[aria-label="Onderdelen"]')).toBeNull();
  });
});
