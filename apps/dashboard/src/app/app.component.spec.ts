import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { DeferBlockBehavior, DeferBlockState, TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatToolbarHarness } from '@angular/material/toolbar/testing';
import { Router } from '@angular/router';
import { describe, expect, it } from 'vitest';
import { AppComponent } from './app.component';
import { type InMemoryKoers, inMemoryKoers } from './testing/in-memory-koers';

describe('AppComponent', () => {
  async function render(koers: InMemoryKoers = inMemoryKoers(), url = '/uithoorn') {
    // The switcher is deferred: compiling the app first resolves what its block loads, and
    // each test says itself whether the block has loaded.
    TestBed.configureTestingModule({
      imports: [AppComponent],
      providers: [koers.providers],
      deferBlockBehavior: DeferBlockBehavior.Manual,
    });
    await TestBed.compileComponents();
    const fixture = TestBed.createComponent(AppComponent);
    await TestBed.inject(Router).navigateByUrl(url);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  it('names Koers in the toolbar, next to the sections and the municipality switcher', async () => {
    const { fixture, element, loader } = await render();
    const [switcher] = await fixture.getDeferBlocks();
    await switcher?.render(DeferBlockState.Complete);

    const toolbar = await loader.getHarness(MatToolbarHarness);
    expect(await toolbar.getRowsAsText()).toEqual([expect.stringContaining('Koers')]);
    expect(await (await loader.getHarness(MatSelectHarness)).getValueText()).toBe('Uithoorn');
    const sections = Array.from(element.querySelectorAll('nav[aria-label="Onderdelen"] a'));
    expect(sections.map((link) => [link.textContent?.trim(), link.getAttribute('href'), link.getAttribute('aria-current')])).toEqual([
      ['Overzicht', '/uithoorn', 'page'],
      ['Vergelijken', '/uithoorn/vergelijken', null],
      ['Acties', '/uithoorn/acties', null],
      ['Rapportages', '/uithoorn/rapportages', null],
    ]);
  });

  it('shows the name of the municipality where the switcher appears until it has loaded', async () => {
    const { fixture, element } = await render();
    const [switcher] = await fixture.getDeferBlocks();
    await switcher?.render(DeferBlockState.Placeholder);

    expect(element.querySelector('.switcher-placeholder')?.textContent?.trim()).toBe('Uithoorn');
  });

  it('says plainly that the figures are fictitious when the server runs on demo data', async () => {
    const { element } = await render();

    expect(element.querySelector('header koers-demo-data-banner')?.textContent).toContain(
      'Demogegevens: alle cijfers zijn fictief.',
    );
  });

  it('shows no demo notice when the server runs in production', async () => {
    const { element } = await render(inMemoryKoers({ mode: 'production' }));

    expect(element.querySelector('koers-demo-data-banner')).toBeNull();
    expect(element.textContent).not.toContain('fictief');
  });

  it('has a header and a main landmark, with the page inside main', async () => {
    const { element } = await render();

    expect(element.querySelectorAll('header')).toHaveLength(1);
    expect(element.querySelector('main h1')?.textContent).toBe('Uithoorn in één oogopslag');
  });

  it('moves focus to the content of a page opened by a link, but not for another period of the same page', async () => {
    const { fixture, element } = await render();
    const router = TestBed.inject(Router);

    await router.navigateByUrl('/uithoorn/indicatoren/winkeldiefstallen');
    await fixture.whenStable();
    expect(document.activeElement).toBe(element.querySelector('main'));

    (document.activeElement as HTMLElement).blur();
    await router.navigateByUrl('/uithoorn/indicatoren/winkeldiefstallen?periode=2025-Q3');
    await fixture.whenStable();
    expect(document.activeElement).not.toBe(element.querySelector('main'));
  });

  it('moves focus to the content from the skip link, without leaving the page', async () => {
    const { element } = await render();
    const skipLink = element.querySelector<HTMLAnchorElement>('a.skip-link');
    expect(skipLink?.textContent?.trim()).toBe('Naar de inhoud');

    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    skipLink?.dispatchEvent(click);

    expect(click.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(element.querySelector('main'));
    expect(TestBed.inject(Router).url).toBe('/uithoorn');
  });
});
