import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { describe, expect, it } from 'vitest';
import { type InMemoryKoers, inMemoryKoers } from '../testing/in-memory-koers';

function setUp(koers: InMemoryKoers): void {
  TestBed.configureTestingModule({ providers: [koers.providers] });
}

describe('firstMunicipalityGuard', () => {
  it('opens the overview of the first municipality on "/"', async () => {
    setUp(inMemoryKoers());
    await RouterTestingHarness.create('/');

    expect(TestBed.inject(Router).url).toBe('/diemen');
  });

  it('sends an unknown address to the first municipality too', async () => {
    setUp(inMemoryKoers());
    await RouterTestingHarness.create('/uithoorn/programmas/veiligheid/iets/anders');

    expect(TestBed.inject(Router).url).toBe('/diemen');
  });

  it('stays on the start page with the reason and a retry when the list fails, then offers the municipalities', async () => {
    const koers = inMemoryKoers();
    koers.catalog.failure = new Error('database locked');
    setUp(koers);
    const harness = await RouterTestingHarness.create('/');
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/');
    const alert = harness.routeNativeElement?.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('De gemeenten konden niet worden geladen');
    expect(alert?.textContent).toMatch(/Er ging iets mis op de server \(foutcode [0-9a-f]{8}\)/);

    koers.catalog.failure = null;
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Opnieuw proberen' }))).click();

    const links = Array.from(harness.routeNativeElement?.querySelectorAll('a') ?? []);
    expect(links.map((link) => [link.textContent?.trim(), link.getAttribute('href')])).toEqual([
      ['Diemen', '/diemen'],
      ['Hilversum', '/hilversum'],
      ['Uithoorn', '/uithoorn'],
    ]);
  });

  it('says so when the installation serves no municipality', async () => {
    setUp(inMemoryKoers({ contents: { municipalities: [] } }));
    const harness = await RouterTestingHarness.create('/');
    await harness.fixture.whenStable();

    expect(harness.routeNativeElement?.textContent).toContain('Deze installatie bedient nog geen gemeenten.');
  });
});
