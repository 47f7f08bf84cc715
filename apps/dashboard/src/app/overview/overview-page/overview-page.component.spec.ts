import { manualChangeDetection } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { type InMemoryKoers, inMemoryKoers } from '../../testing/in-memory-koers';
import { openPage, pageText, textOf } from '../../testing/page-text';

describe('OverviewPageComponent', () => {
  let koers: InMemoryKoers;

  beforeEach(() => {
    koers = inMemoryKoers();
    TestBed.configureTestingModule({ providers: [koers.providers] });
  });

  it('shows per program its effects and the status of their indicators in words, linking to each indicator', async () => {
    const harness = await openPage('/uithoorn');
    const page = harness.routeNativeElement;

    expect(page?.querySelector('h1')?.textContent).toBe('Uithoorn in één oogopslag');
    const programs = Array.from(page?.querySelectorAll('koers-program-summary') ?? []);
    expect(programs.map((program) => program.querySelector('h3')?.textContent?.trim())).toEqual([
      'Bestuur en organisatie',
      'Veiligheid',
    ]);
    const safety = textOf(programs[1]);
    expect(safety).toContain(
      'Winkeldiefstallen per 1.000 inwoners Status: Op koers 0,51 per 1.000 inwoners (4e kwartaal 2025) verbeterd t.o.v. 3e kwartaal 2025',
    );
    expect(safety).toContain('Vernielingen per 1.000 inwoners Status: Uit koers 1,82 per 1.000 inwoners (4e kwartaal 2025)');
    expect(textOf(programs[0])).toContain('Woo-verzoeken binnen de termijn Status: Risico 80% (4e kwartaal 2025)');

    const links = Array.from(programs[1]?.querySelectorAll('a') ?? []).map((link) => link.getAttribute('href'));
    expect(links).toEqual([
      '/uithoorn/programmas/veiligheid',
      '/uithoorn/indicatoren/winkeldiefstallen',
      '/uithoorn/indicatoren/vernielingen',
    ]);
  });

  it('counts the indicators per status and says what changed since the previous quarter', async () => {
    const harness = await openPage('/uithoorn');
    const text = pageText(harness);

    expect(text).toContain('3 indicatoren, cijfers tot en met het 4e kwartaal 2025.');
    expect(text).toContain('Uit koers 1 indicatoren Risico 1 indicatoren Op koers 1 indicatoren Geen streefwaarde 0');
    expect(text).toContain(
      'Veranderd sinds het 3e kwartaal 2025 Winkeldiefstallen per 1.000 inwoners (Veiligheid) van Risico naar Op koers',
    );
  });

  it('says how the actions of each program stand this quarter', async () => {
    const harness = await openPage('/uithoorn');

    expect(pageText(harness)).toContain('Acties: 2 acties in 4e kwartaal 2026: 1 vertraagd, 1 niet gerapporteerd.');
    expect(pageText(harness)).toContain('Acties: Nog geen acties vastgelegd.');
  });

  it('marks an indicator whose latest computation failed, beside the values it still shows', async () => {
    const harness = await openPage('/uithoorn');

    expect(pageText(harness)).toMatch(/Vernielingen per 1\.000 inwoners Status: Uit koers .* Laatste berekening mislukt/);
  });

  it('says it is still calculating until the first results exist, instead of showing empty figures', async () => {
    const history = koers.catalog.contents.history?.['uithoorn'];
    koers.catalog.contents = {
      ...koers.catalog.contents,
      indicators: {},
      history: {
        uithoorn: { latest: history?.latest ? { ...history.latest, status: 'running', finishedAt: null } : null, lastFinished: null },
      },
    };
    const harness = await openPage('/uithoorn');
    const text = pageText(harness);

    expect(harness.routeNativeElement?.querySelector('[role="status"]')?.textContent).toContain(
      'Koers rekent de indicatoren nog uit.',
    );
    expect(text).not.toContain('Stand van de indicatoren');
    expect(text).toContain('De cijfers volgen zodra de berekening klaar is.');
  });

  it('shows a progress bar while the overview loads', async () => {
    koers.catalog.hold();
    await manualChangeDetection(async () => {
      const harness = await RouterTestingHarness.create();
      await TestBed.inject(Router).navigateByUrl('/uithoorn');
      harness.fixture.detectChanges();
      const loader = TestbedHarnessEnvironment.loader(harness.fixture);

      expect(await (await loader.getHarness(MatProgressBarHarness)).getMode()).toBe('indeterminate');
      expect(harness.routeNativeElement?.querySelector('koers-program-summary')).toBeNull();
    });
    koers.catalog.release();
  });

  it('says what went wrong when loading fails, and loads again on "Opnieuw proberen"', async () => {
    koers.catalog.failure = new Error('database locked');
    const harness = await openPage('/uithoorn');

    const alert = harness.routeNativeElement?.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Het overzicht kon niet worden geladen');
    expect(alert?.textContent).toMatch(/Er ging iets mis op de server \(foutcode [0-9a-f]{8}\)/);

    koers.catalog.failure = null;
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Opnieuw proberen' }))).click();
    await harness.fixture.whenStable();

    expect(harness.routeNativeElement?.querySelector('[role="alert"]')).toBeNull();
    expect(harness.routeNativeElement?.querySelectorAll('koers-program-summary')).toHaveLength(2);
  });

  it('refuses a municipality the user holds no role in (or one that does not exist), offering their own, without a retry', async () => {
    const harness = await openPage('/amsterdam');

    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('Overzicht');
    const alert = harness.routeNativeElement?.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('U heeft geen toegang tot deze gegevens van gemeente "amsterdam".');
    expect(Array.from(alert?.querySelectorAll('a') ?? []).map((link) => [link.textContent?.trim(), link.getAttribute('href')])).toEqual([
      ['Diemen', '/diemen'],
      ['Hilversum', '/hilversum'],
      ['Uithoorn', '/uithoorn'],
    ]);
    expect(alert?.querySelector('button')).toBeNull();
  });

  it('says so when the municipality has no programs yet', async () => {
    const harness = await openPage('/diemen');

    expect(pageText(harness)).toContain("Deze gemeente heeft nog geen programma's.");
  });
});
