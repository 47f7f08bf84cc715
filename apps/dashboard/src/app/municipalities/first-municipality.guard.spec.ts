import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { KOERS_API } from '../api/koers-api';
import { appRoutes } from '../app.routes';
import { provideDutchLocale } from '../locale';
import { InMemoryKoersApi } from '../testing/in-memory-koers-api';
import { sampleMunicipalities, samplePrograms } from '../testing/sample-programs';

function setUp(api: InMemoryKoersApi): void {
  TestBed.configureTestingModule({
    providers: [provideRouter(appRoutes), provideDutchLocale(), { provide: KOERS_API, useValue: api }],
  });
}

describe('firstMunicipalityGuard', () => {
  it('opens the programs of the first municipality on "/"', async () => {
    setUp(new InMemoryKoersApi(sampleMunicipalities, samplePrograms));
    await RouterTestingHarness.create('/');

    expect(TestBed.inject(Router).url).toBe('/uithoorn/programmas');
  });

  it('sends an unknown address to the first municipality too', async () => {
    setUp(new InMemoryKoersApi(sampleMunicipalities, samplePrograms));
    await RouterTestingHarness.create('/uithoorn/programmas/iets/anders');

    expect(TestBed.inject(Router).url).toBe('/uithoorn/programmas');
  });

  it('stays on the start page with the reason and a retry when the list fails, then offers the municipalities', async () => {
    const api = new InMemoryKoersApi(sampleMunicipalities, samplePrograms);
    api.failure = TRPCClientError.from(new TypeError('fetch failed'));
    setUp(api);
    const harness = await RouterTestingHarness.create('/');
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/');
    const alert = harness.routeNativeElement?.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('De gemeenten konden niet worden geladen');
    expect(alert?.textContent).toContain('De server van Koers is niet bereikbaar.');

    api.failure = null;
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Opnieuw proberen' }))).click();

    const links = Array.from(harness.routeNativeElement?.querySelectorAll('a') ?? []);
    expect(links.map((link) => [link.textContent?.trim(), link.getAttribute('href')])).toEqual([
      ['Uithoorn', '/uithoorn/programmas'],
      ['Hilversum', '/hilversum/programmas'],
      ['Diemen', '/diemen/programmas'],
    ]);
  });

  it('says so when the installation serves no municipality', async () => {
    setUp(new InMemoryKoersApi([], {}));
    const harness = await RouterTestingHarness.create('/');
    await harness.fixture.whenStable();

    expect(harness.routeNativeElement?.textContent).toContain('Deze installatie bedient nog geen gemeenten.');
  });
});
