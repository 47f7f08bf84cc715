import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { beforeEach, describe, expect, it } from 'vitest';
import { type InMemoryKoers, inMemoryKoers } from '../../testing/in-memory-koers';
import { openPage, pageText, textOf } from '../../testing/page-text';

/** The rows of a table as text, header row first. */
function tableRows(table: Element | null | undefined): string[][] {
  return Array.from(table?.querySelectorAll('tr') ?? []).map((row) =>
    Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim() ?? ''),
  );
}

describe('IndicatorPageComponent', () => {
  let koers: InMemoryKoers;

  beforeEach(() => {
    koers = inMemoryKoers();
    TestBed.configureTestingModule({ providers: [koers.providers] });
  });

  it('shows a named chart of the series and, beside it, a table with the same numbers and the target per year', async () => {
    const harness = await openPage('/uithoorn/indicatoren/winkeldiefstallen');
    const page = harness.routeNativeElement;

    expect(page?.querySelector('h1')?.textContent).toBe('Winkeldiefstallen per 1.000 inwoners');
    expect(page?.querySelector('koers-chart [role="img"]')?.getAttribute('aria-label')).toBe(
      'Lijndiagram van Winkeldiefstallen per 1.000 inwoners (per 1.000 inwoners), van 1e kwartaal 2025 tot 4e kwartaal 2025, ' +
        'met de streefwaarde per jaar en de nulmeting. De cijfers staan ook in de tabel bij de grafiek.',
    );
    expect(tableRows(page?.querySelector('table'))).toEqual([
      ['Periode', 'Waarde', 'Streefwaarde', 'Verandering'],
      ['1e kwartaal 2025', '0,61', '0,54', ''],
      ['2e kwartaal 2025', '0,58', '0,54', '-0,03'],
      ['3e kwartaal 2025', '0,56', '0,54', '-0,02'],
      ['4e kwartaal 2025', '0,51', '0,54', '-0,05'],
    ]);
    expect(page?.querySelector('table caption')?.textContent).toBe('Waarden per periode (per 1.000 inwoners)');
  });

  it('gives the status in words, the latest value and target, the trend figures and the baseline', async () => {
    const harness = await openPage('/uithoorn/indicatoren/winkeldiefstallen');
    const text = pageText(harness);

    expect(text).toContain('Status: Op koers BBV-beleidsindicator');
    expect(text).toContain('Laatste waarde (4e kwartaal 2025) 0,51 per 1.000 inwoners');
    expect(text).toContain('Streefwaarde 2025 0,54 per 1.000 inwoners');
    expect(text).toContain('Ten opzichte van de vorige periode (3e kwartaal 2025) -0,05 (-8,9%), was 0,56 per 1.000 inwoners');
    expect(text).toContain('Nulmeting (2021) 0,64 per 1.000 inwoners');
  });

  it('breaks the latest period down per wijk, and another period when chosen', async () => {
    const harness = await openPage('/uithoorn/indicatoren/winkeldiefstallen');
    const tables = () => harness.routeNativeElement?.querySelectorAll('table');

    expect(pageText(harness)).toContain('Per wijk, 4e kwartaal 2025');
    expect(tableRows(tables()?.[1])).toEqual([
      ['Wijk', 'Waarde'],
      ['Centrum', '0,66'],
      ['Thamerdal', '0,42'],
      ['Onbekend', '0,10'],
    ]);
    const select = harness.routeNativeElement?.querySelector('select');
    if (!select) throw new Error('the page offers no choice of period');
    expect(Array.from(select.options).map((option) => option.textContent?.trim())).toEqual([
      '3e kwartaal 2025',
      '4e kwartaal 2025',
    ]);
    expect(select.value).toBe('2025-Q4');

    select.value = '2025-Q3';
    select.dispatchEvent(new Event('change'));
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/uithoorn/indicatoren/winkeldiefstallen?periode=2025-Q3');
    expect(select.value).toBe('2025-Q3');
    expect(tableRows(tables()?.[1])).toEqual([
      ['Wijk', 'Waarde'],
      ['Centrum', '0,70'],
    ]);
  });

  it('links the CSV download to the server, and to the programs that use the indicator', async () => {
    const harness = await openPage('/uithoorn/indicatoren/winkeldiefstallen');
    const page = harness.routeNativeElement;

    const download = Array.from(page?.querySelectorAll('a') ?? []).find((link) => link.textContent?.includes('CSV'));
    expect(download?.getAttribute('href')).toBe('/api/uithoorn/indicators/winkeldiefstallen.csv');
    expect(download?.hasAttribute('download')).toBe(true);
    const uses = textOf(page?.querySelector('section[aria-labelledby="gebruik-titel"]'));
    expect(uses).toContain('Gebruikt in Veiligheid — Minder winkeldiefstal en vernielingen');
    expect(page?.querySelector('section[aria-labelledby="gebruik-titel"] li a')?.getAttribute('href')).toBe(
      '/uithoorn/programmas/veiligheid',
    );
  });

  it('says how it was computed: source, version, loading time, rows, sha256, the SQL and the definition file', async () => {
    const harness = await openPage('/uithoorn/indicatoren/winkeldiefstallen');
    const lineage = harness.routeNativeElement?.querySelector('koers-lineage details');

    expect(lineage?.querySelector('summary')?.textContent?.trim()).toBe('Hoe is dit berekend?');
    const text = textOf(lineage);
    expect(text).toContain('Bron Geregistreerde misdrijven (misdrijven) Versie 3 Geladen op 30 november 2026 om 09:00 Rijen 1.234');
    expect(text).toContain(`SHA-256 ${'a'.repeat(64)}`);
    expect(lineage?.querySelector('pre[aria-label="De SQL-query"]')?.textContent).toBe(
      'SELECT count(*) AS value FROM "source_misdrijven" -- winkeldiefstallen',
    );
    expect(text).toContain('Het definitiebestand indicators/winkeldiefstallen.yaml');
    expect(lineage?.querySelector('pre[aria-label="Het definitiebestand"]')?.textContent).toContain(
      'title: Winkeldiefstallen per 1.000 inwoners',
    );
  });

  it('carries the error of a failed computation and the age of the values it still shows', async () => {
    const harness = await openPage('/uithoorn/indicatoren/vernielingen');
    const problem = textOf(harness.routeNativeElement?.querySelector('.problem'));

    expect(problem).toBe(
      'De laatste berekening van deze indicator is mislukt (30 november 2026 om 10:00). ' +
        'data/misdrijven.csv: column "soort" is missing — in sources/misdrijven.yaml ' +
        'U ziet de waarden van de laatste geslaagde berekening, van 30 november 2026 om 09:00.',
    );
    expect(pageText(harness)).toContain('Status: Uit koers');
    expect(harness.routeNativeElement?.querySelectorAll('table tbody tr')).toHaveLength(4);
  });

  it('says the values follow while the municipality is still calculating', async () => {
    koers.catalog.contents = {
      ...koers.catalog.contents,
      indicators: {
        uithoorn: (koers.catalog.contents.indicators?.['uithoorn'] ?? []).map((stored) => ({
          ...stored,
          report: null,
          statuses: [],
          computationId: null,
        })),
      },
      history: { uithoorn: { latest: null, lastFinished: null } },
    };
    const harness = await openPage('/uithoorn/indicatoren/winkeldiefstallen');

    expect(pageText(harness)).toContain('Koers rekent de indicatoren nog uit.');
    expect(pageText(harness)).toContain('De waarden volgen zodra de berekening klaar is.');
    expect(harness.routeNativeElement?.querySelector('koers-chart')).toBeNull();
  });

  it('says an indicator the municipality does not have does not exist', async () => {
    const harness = await openPage('/uithoorn/indicatoren/bestaat-niet');

    expect(harness.routeNativeElement?.querySelector('[role="alert"]')?.textContent).toContain(
      'Indicator "bestaat-niet" bestaat niet in Uithoorn. Kies een indicator in het overzicht.',
    );
  });
});
