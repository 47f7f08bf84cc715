import { TestKey } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router } from '@angular/router';
import { beforeEach, describe, expect, it } from 'vitest';
import { inMemoryKoers } from '../testing/in-memory-koers';
import { MunicipalitySwitcherComponent } from './municipality-switcher.component';

describe('MunicipalitySwitcherComponent', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [inMemoryKoers().providers] });
  });

  async function renderAt(url: string) {
    const router = TestBed.inject(Router);
    await router.navigateByUrl(url);
    const fixture = TestBed.createComponent(MunicipalitySwitcherComponent);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    return { router, fixture, loader, select: await loader.getHarness(MatSelectHarness) };
  }

  /** Chooses `name` and waits until the navigation it starts has ended. */
  async function choose(select: MatSelectHarness, fixture: { whenStable(): Promise<unknown> }, name: string) {
    await select.open();
    await select.clickOptions({ text: name });
    await fixture.whenStable();
  }

  it('is labelled "Gemeente" and shows the municipality in the URL', async () => {
    const { loader, select } = await renderAt('/hilversum');

    const field = await loader.getHarness(MatFormFieldHarness);
    expect(await field.getLabel()).toBe('Gemeente');
    expect(await select.getValueText()).toBe('Hilversum');
  });

  it('offers every municipality by name and opens the overview of the chosen one', async () => {
    const { router, fixture, select } = await renderAt('/uithoorn');

    await select.open();
    const options = await select.getOptions();
    expect(await Promise.all(options.map((option) => option.getText()))).toEqual(['Diemen', 'Hilversum', 'Uithoorn']);

    await select.clickOptions({ text: 'Diemen' });
    await fixture.whenStable();
    expect(router.url).toBe('/diemen');
    expect(await select.getValueText()).toBe('Diemen');
  });

  it('keeps an indicator open in a municipality that has it, and opens the overview of one that does not', async () => {
    const { router, fixture, select } = await renderAt('/uithoorn/indicatoren/winkeldiefstallen?periode=2025-Q3');

    await choose(select, fixture, 'Hilversum');
    expect(router.url).toBe('/hilversum/indicatoren/winkeldiefstallen');

    await choose(select, fixture, 'Diemen');
    expect(router.url).toBe('/diemen');
  });

  it('opens the overview of a municipality without the program, and stays on the comparison', async () => {
    const { router, fixture, select } = await renderAt('/uithoorn/programmas/veiligheid');

    await choose(select, fixture, 'Hilversum');
    expect(router.url).toBe('/hilversum');

    await router.navigateByUrl('/hilversum/vergelijken/winkeldiefstallen');
    await choose(select, fixture, 'Uithoorn');
    expect(router.url).toBe('/uithoorn/vergelijken/winkeldiefstallen');
  });

  it('can be used with the keyboard alone', async () => {
    const { router, fixture, select } = await renderAt('/hilversum');

    await select.focus();
    expect(await select.isFocused()).toBe(true);
    await (await select.host()).sendKeys(TestKey.DOWN_ARROW);
    await fixture.whenStable();

    expect(router.url).toBe('/uithoorn');
    expect(await select.getValueText()).toBe('Uithoorn');
  });
});
