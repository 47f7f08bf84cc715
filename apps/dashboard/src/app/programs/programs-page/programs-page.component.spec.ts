import { manualChangeDetection } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCardHarness } from '@angular/material/card/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TRPCClientError } from '@trpc/client';
import { beforeEach, describe, expect, it } from 'vitest';
import { KOERS_API } from '../../api/koers-api';
import { appRoutes } from '../../app.routes';
import { provideDutchLocale } from '../../locale';
import { InMemoryKoersApi } from '../../testing/in-memory-koers-api';
import { sampleMunicipalities, samplePrograms } from '../../testing/sample-programs';

describe('ProgramsPageComponent', () => {
  let api: InMemoryKoersApi;

  beforeEach(() => {
    api = new InMemoryKoersApi(sampleMunicipalities, samplePrograms);
    TestBed.configureTestingModule({
      providers: [provideRouter(appRoutes), provideDutchLocale(), { provide: KOERS_API, useValue: api }],
    });
  });

  async function open(url: string) {
    const harness = await RouterTestingHarness.create(url);
    await harness.fixture.whenStable();
    return { harness, loader: TestbedHarnessEnvironment.loader(harness.fixture) };
  }

  /** The page's text as a reader gets it: every piece of text, separated by one space. */
  function pageText(harness: RouterTestingHarness): string {
    const root = harness.routeNativeElement;
    if (!root) return '';
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const pieces: string[] = [];
    while (walker.nextNode()) pieces.push(walker.currentNode.textContent?.trim() ?? '');
    return pieces.filter((piece) => piece.length > 0).join(' ');
  }

  it('lists the programs of the municipality in the route, with responsibilities and effects', async () => {
    const { harness, loader } = await open('/uithoorn/programmas');

    const cards = await loader.getAllHarnesses(MatCardHarness);
    expect(await Promise.all(cards.map((card) => card.getTitleText()))).toEqual([
      'Bestuur en organisatie',
      'Veiligheid',
    ]);
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe("Programma's van Uithoorn");

    const [card] = cards;
    const text = (await card?.getText()) ?? '';
    expect(text).toContain('Portefeuillehouder');
    expect(text).toContain('A. de Vries');
    expect(text).toContain('Bestuur en Organisatie');
    expect(text).toContain('Wat willen we bereiken?');
    expect(text).toContain('Het bestuur maakt binnen de beschikbare middelen keuzes die effect creëren.');
    expect(text).toContain('Strategisch en integraal advies, daadkrachtige uitvoering.');
  });

  it('shows each task with its actions: kind, priority, owner and due date in Dutch', async () => {
    const { harness } = await open('/uithoorn/programmas');
    const text = pageText(harness);

    expect(text).toContain('Wat moeten we verbeteren?');
    expect(text).toContain('Investeer in de allianties met de omgeving.');
    expect(text).toContain('Uitwerken Bestuurskrachtonderzoek Soort: Nieuw Prioriteit: Nieuw beleid');
    expect(text).toContain('Eigenaar: Team Bestuursondersteuning');
    expect(text).toContain('Gereed: 31 december 2025');
    expect(text).toContain('Regie op de regionale samenwerking Soort: Regulier Prioriteit: Uitvoering');
    expect(text).toContain('Versterk de gemeentelijke organisatie. Nog geen acties.');
  });

  it('links to each program from a list of contents when there are several', async () => {
    const { harness } = await open('/hilversum/programmas');
    expect(harness.routeNativeElement?.querySelector('nav')).toBeNull();

    await harness.navigateByUrl('/uithoorn/programmas');
    await harness.fixture.whenStable();

    const links = Array.from(harness.routeNativeElement?.querySelectorAll('nav a') ?? []);
    expect(links.map((link) => [link.textContent?.trim(), link.getAttribute('href')])).toEqual([
      ['Bestuur en organisatie', '/uithoorn/programmas#programma-bestuur-en-organisatie'],
      ['Veiligheid', '/uithoorn/programmas#programma-veiligheid'],
    ]);
    expect(harness.routeNativeElement?.querySelector('#programma-veiligheid')?.textContent).toBe('Veiligheid');
  });

  it('shows a progress bar while the programs load', async () => {
    api.hold();
    await manualChangeDetection(async () => {
      const harness = await RouterTestingHarness.create();
      await TestBed.inject(Router).navigateByUrl('/uithoorn/programmas');
      harness.fixture.detectChanges();
      const loader = TestbedHarnessEnvironment.loader(harness.fixture);

      const progressBar = await loader.getHarness(MatProgressBarHarness);
      expect(await progressBar.getMode()).toBe('indeterminate');
      expect(await loader.getAllHarnesses(MatCardHarness)).toHaveLength(0);
    });
    api.release();
  });

  it('says so when the municipality has no programs yet', async () => {
    const { harness, loader } = await open('/diemen/programmas');

    expect(pageText(harness)).toContain("Deze gemeente heeft nog geen programma's.");
    expect(await loader.getAllHarnesses(MatCardHarness)).toHaveLength(0);
    expect(await loader.getAllHarnesses(MatProgressBarHarness)).toHaveLength(0);
  });

  it('says what went wrong when loading fails, and loads again on "Opnieuw proberen"', async () => {
    api.failure = TRPCClientError.from(new TypeError('fetch failed'));
    const { harness, loader } = await open('/uithoorn/programmas');

    const alert = harness.routeNativeElement?.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain("De programma's konden niet worden geladen");
    expect(alert?.textContent).toContain('De server van Koers is niet bereikbaar.');
    expect(await loader.getAllHarnesses(MatCardHarness)).toHaveLength(0);

    api.failure = null;
    const retry = await loader.getHarness(MatButtonHarness.with({ text: 'Opnieuw proberen' }));
    await retry.click();

    const cards = await loader.getAllHarnesses(MatCardHarness);
    expect(await Promise.all(cards.map((card) => card.getTitleText()))).toEqual([
      'Bestuur en organisatie',
      'Veiligheid',
    ]);
    expect(harness.routeNativeElement?.querySelector('[role="alert"]')).toBeNull();
  });

  it("shows the server's reason for an address of a municipality it does not serve", async () => {
    const { harness } = await open('/amsterdam/programmas');

    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe("Programma's");
    expect(harness.routeNativeElement?.querySelector('[role="alert"]')?.textContent).toContain(
      'Gemeente "amsterdam" bestaat niet in deze installatie. Kies een gemeente in de lijst bovenaan.',
    );
    // Asking again cannot make a municipality exist.
    expect(harness.routeNativeElement?.querySelector('[role="alert"] button')).toBeNull();
  });

  it('loads the programs of the other municipality when the route changes', async () => {
    const { harness, loader } = await open('/uithoorn/programmas');
    await harness.navigateByUrl('/hilversum/programmas');

    const cards = await loader.getAllHarnesses(MatCardHarness);
    expect(await Promise.all(cards.map((card) => card.getTitleText()))).toEqual([
      'Effectief en efficiënt bestuurde stad',
    ]);
    expect(pageText(harness)).toContain('Portefeuillehouders B. Jansen, C. Bakker');
    expect(pageText(harness)).toContain('Afdeling Niet vastgelegd');
    expect(pageText(harness)).toContain('Nog geen opgaven vastgelegd.');
    expect(api.calls.filter((call) => call.startsWith('listPrograms'))).toEqual([
      'listPrograms(uithoorn)',
      'listPrograms(hilversum)',
    ]);
  });
});
