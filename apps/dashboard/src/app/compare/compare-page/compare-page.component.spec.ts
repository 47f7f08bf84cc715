import { TestBed } from '@angular/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { inMemoryKoers } from '../../testing/in-memory-koers';
import { openPage, pageText, textOf } from '../../testing/page-text';

describe('ComparePageComponent', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [inMemoryKoers().providers] });
  });

  it('puts the municipalities side by side: latest value, status and target, the chosen one marked', async () => {
    const harness = await openPage('/uithoorn/vergelijken/winkeldiefstallen');
    const cards = Array.from(harness.routeNativeElement?.querySelectorAll('.municipalities li') ?? []);

    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe(
      'Winkeldiefstallen per 1.000 inwoners: gemeenten vergeleken',
    );
    expect(cards.map((card) => textOf(card))).toEqual([
      'Hilversum Status: Uit koers 0,97 per 1.000 inwoners 4e kwartaal 2025 Streefwaarde: 0,85 per 1.000 inwoners',
      'Uithoorn (gekozen gemeente) Status: Op koers 0,51 per 1.000 inwoners 4e kwartaal 2025 Streefwaarde: 0,54 per 1.000 inwoners',
    ]);
    expect(cards[0]?.querySelector('a')?.getAttribute('href')).toBe('/hilversum/indicatoren/winkeldiefstallen');
  });

  it('draws one named line per municipality, with a table of the same numbers', async () => {
    const harness = await openPage('/uithoorn/vergelijken/winkeldiefstallen');
    const page = harness.routeNativeElement;

    expect(page?.querySelector('koers-chart [role="img"]')?.getAttribute('aria-label')).toContain(
      'Lijndiagram van Winkeldiefstallen per 1.000 inwoners (per 1.000 inwoners) voor Hilversum, Uithoorn',
    );
    const rows = Array.from(page?.querySelectorAll('table tr') ?? []).map((row) =>
      Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['Periode', 'Hilversum', 'Uithoorn'],
      ['1e kwartaal 2025', '0,90', '0,61'],
      ['2e kwartaal 2025', '0,95', '0,58'],
      ['3e kwartaal 2025', '1,00', '0,56'],
      ['4e kwartaal 2025', '0,97', '0,51'],
    ]);
  });

  it('says no municipality has an unknown indicator', async () => {
    const harness = await openPage('/uithoorn/vergelijken/onbekend');

    expect(harness.routeNativeElement?.querySelector('[role="alert"]')?.textContent).toContain(
      'Geen gemeente in deze installatie heeft indicator "onbekend". Kies een indicator bij Vergelijken.',
    );
  });
});

describe('ComparablePageComponent', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [inMemoryKoers().providers] });
  });

  it('lists what two or more municipalities define, linking to the comparison', async () => {
    const harness = await openPage('/uithoorn/vergelijken');

    expect(pageText(harness)).toContain('Winkeldiefstallen per 1.000 inwoners BBV eenheid: per 1.000 inwoners · in 2 gemeenten');
    expect(harness.routeNativeElement?.querySelector('ul a')?.getAttribute('href')).toBe(
      '/uithoorn/vergelijken/winkeldiefstallen',
    );
  });
});
