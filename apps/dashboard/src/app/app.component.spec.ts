import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatToolbarHarness } from '@angular/material/toolbar/testing';
import { provideRouter, Router } from '@angular/router';
import { beforeEach, describe, expect, it } from 'vitest';
import { KOERS_API } from './api/koers-api';
import { AppComponent } from './app.component';
import { appRoutes } from './app.routes';
import { provideDutchLocale } from './locale';
import { InMemoryKoersApi } from './testing/in-memory-koers-api';
import { sampleMunicipalities, samplePrograms } from './testing/sample-programs';

describe('AppComponent', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes),
        provideDutchLocale(),
        { provide: KOERS_API, useValue: new InMemoryKoersApi(sampleMunicipalities, samplePrograms) },
      ],
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(AppComponent);
    await TestBed.inject(Router).navigateByUrl('/uithoorn/programmas');
    await fixture.whenStable();
    return { element: fixture.nativeElement as HTMLElement, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  it('names Koers in the toolbar, next to the municipality switcher', async () => {
    const { loader } = await render();

    const toolbar = await loader.getHarness(MatToolbarHarness);
    expect(await toolbar.getRowsAsText()).toEqual([expect.stringContaining('Koers')]);
    expect(await (await loader.getHarness(MatSelectHarness)).getValueText()).toBe('Uithoorn');
  });

  it('says plainly that the figures are fictitious demo data', async () => {
    const { element } = await render();

    expect(element.querySelector('header koers-demo-data-banner')?.textContent).toContain(
      'Demogegevens: alle cijfers zijn fictief.',
    );
  });

  it('has a header and a main landmark, with the page inside main', async () => {
    const { element } = await render();

    expect(element.querySelectorAll('header')).toHaveLength(1);
    expect(element.querySelector('main h1')?.textContent).toBe("Programma's van Uithoorn");
  });

  it('moves focus to the content from the skip link, without leaving the page', async () => {
    const { element } = await render();
    const skipLink = element.querySelector<HTMLAnchorElement>('a.skip-link');
    expect(skipLink?.textContent?.trim()).toBe('Naar de inhoud');

    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    skipLink?.dispatchEvent(click);

    expect(click.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(element.querySelector('main'));
    expect(TestBed.inject(Router).url).toBe('/uithoorn/programmas');
  });
});
