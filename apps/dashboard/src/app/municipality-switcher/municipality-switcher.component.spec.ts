import { TestKey } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, Router } from '@angular/router';
import { beforeEach, describe, expect, it } from 'vitest';
import { KOERS_API } from '../api/koers-api';
import { appRoutes } from '../app.routes';
import { provideDutchLocale } from '../locale';
import { InMemoryKoersApi } from '../testing/in-memory-koers-api';
import { sampleMunicipalities, samplePrograms } from '../testing/sample-programs';
import { MunicipalitySwitcherComponent } from './municipality-switcher.component';

describe('MunicipalitySwitcherComponent', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes),
        provideDutchLocale(),
        { provide: KOERS_API, useValue: new InMemoryKoersApi(sampleMunicipalities, samplePrograms) },
      ],
    });
  });

  async function renderAt(url: string) {
    const router = TestBed.inject(Router);
    await router.navigateByUrl(url);
    const fixture = TestBed.createComponent(MunicipalitySwitcherComponent);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    return { router, loader, select: await loader.getHarness(MatSelectHarness) };
  }

  it('is labelled "Gemeente" and shows the municipality in the URL', async () => {
    const { loader, select } = await renderAt('/hilversum/programmas');

    const field = await loader.getHarness(MatFormFieldHarness);
    expect(await field.getLabel()).toBe('Gemeente');
    expect(await select.getValueText()).toBe('Hilversum');
  });

  it('offers every municipality and opens the programs of the chosen one', async () => {
    const { router, select } = await renderAt('/uithoorn/programmas');

    await select.open();
    const options = await select.getOptions();
    expect(await Promise.all(options.map((option) => option.getText()))).toEqual(['Uithoorn', 'Hilversum', 'Diemen']);

    await select.clickOptions({ text: 'Diemen' });
    expect(router.url).toBe('/diemen/programmas');
    expect(await select.getValueText()).toBe('Diemen');
  });

  it('can be used with the keyboard alone', async () => {
    const { router, select } = await renderAt('/uithoorn/programmas');

    await select.focus();
    expect(await select.isFocused()).toBe(true);
    await (await select.host()).sendKeys(TestKey.DOWN_ARROW);

    expect(router.url).toBe('/hilversum/programmas');
    expect(await select.getValueText()).toBe('Hilversum');
  });
});
