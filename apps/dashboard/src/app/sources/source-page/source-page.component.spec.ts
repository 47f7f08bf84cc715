import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import type { RouterTestingHarness } from '@angular/router/testing';
import { samplePreview, sampleViewer } from '@koers/api/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { type InMemoryKoers, inMemoryKoers } from '../../testing/in-memory-koers';
import { chooseFile, clickButton as click } from '../../testing/page-actions';
import { openPage, pageText, textOf } from '../../testing/page-text';

/** The rows of the table whose caption starts with `caption`, cell by cell. */
function tableRows(harness: RouterTestingHarness, caption: string): string[][] {
  const table = Array.from(harness.routeNativeElement?.querySelectorAll('table') ?? []).find((candidate) => textOf(candidate.querySelector('caption')).startsWith(caption));
  return Array.from(table?.querySelectorAll('tbody tr') ?? []).map((row) => Array.from(row.children).map((cell) => textOf(cell)));
}

const csv = () => new File(['pleegdatum,soort,wijk\n2026-10-02,winkeldiefstal,Centrum\n'], 'misdrijven-q4.csv', { type: 'text/csv' });

describe('SourcePageComponent', () => {
  let koers: InMemoryKoers;

  beforeEach(() => {
    koers = inMemoryKoers({ viewer: sampleViewer('data_team') });
    TestBed.configureTestingModule({ providers: [koers.providers] });
  });

  it('shows the definition, the indicators that use it, and the versions: who, when, sha256, rows and size', async () => {
    const harness = await openPage('/uithoorn/bronnen/misdrijven');

    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe('Geregistreerde misdrijven');
    expect(document.title).toBe('Bron Geregistreerde misdrijven · Koers');
    const text = pageText(harness);
    expect(text).toContain('Bestand data/misdrijven.csv (CSV)');
    expect(text).toContain('In gebruik versie 2: 1.002 rijen, geladen op 2026-10-01');
    expect(text).toContain('pleegdatum : datum (date)');
    const usedBy = Array.from(harness.routeNativeElement?.querySelectorAll('a[href*="/indicatoren/"]') ?? []).map((link) => link.getAttribute('href'));
    expect(usedBy).toEqual(['/uithoorn/indicatoren/vernielingen', '/uithoorn/indicatoren/winkeldiefstallen']);
    // A new indicator on this source opens the editor with the source filled in.
    const newIndicator = Array.from(harness.routeNativeElement?.querySelectorAll('a') ?? []).find((link) => link.textContent?.trim() === 'Indicator maken op deze bron');
    expect(newIndicator?.getAttribute('href')).toBe('/uithoorn/definities/nieuw?bron=misdrijven');
    expect(tableRows(harness, 'Bewaarde versies')).toEqual([
      ['2 in gebruik', 'data@demo.koers.nl', '1 oktober 2026 om 10:00', 'misdrijven-2', '1.002', '48 kB', ''],
      ['1', 'het bestand in de werkmap', '1 juli 2026 om 10:00', 'misdrijven-1', '1.001', '48 kB', 'Terugzetten'],
    ]);
    expect(harness.routeNativeElement?.querySelector('code')?.getAttribute('title')).toBe('misdrijven-2'.padEnd(64, '0'));
    expect(text).toContain('Deze bron kan niet worden verwijderd zolang een indicator haar gebruikt (2).');
  });

  it('uploads a new version with a progress bar, shows the preview, and puts it in use step by step', async () => {
    const harness = await openPage('/uithoorn/bronnen/misdrijven');
    koers.uploads.preview = samplePreview({ rowCount: 1_310 });

    chooseFile(harness, csv());
    await click(harness, 'Uploaden en controleren');

    expect(koers.uploads.received).toEqual([{ url: '/api/uithoorn/uploads?source=misdrijven', fileName: 'misdrijven-q4.csv', contentType: 'text/csv', sizeBytes: csv().size }]);
    expect(pageText(harness)).toContain('Voorbeeld van de nieuwe versie Het bestand laadt: 1.310 rijen en 3 kolommen (CSV).');
    expect(tableRows(harness, 'Kolommen')).toEqual([
      ['pleegdatum', 'DATE', 'datum (date)'],
      ['soort', 'VARCHAR', 'tekst (varchar)'],
      ['wijk', 'VARCHAR', 'tekst (varchar)'],
    ]);
    expect(tableRows(harness, 'De eerste 2 rijen')[0]).toEqual(['2026-10-02', 'winkeldiefstal', 'Centrum']);

    await click(harness, 'Deze versie in gebruik nemen');

    const status = harness.routeNativeElement?.querySelector('[role="status"]');
    expect(textOf(status)).toBe('Klaar: versie 3 is in gebruik (1.310 rijen) en de indicatoren zijn herberekend.');
    const steps = Array.from(harness.routeNativeElement?.querySelectorAll('.steps li') ?? []).map((step) => step.className);
    expect(steps).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
    expect(tableRows(harness, 'Bewaarde versies').map((row) => row.slice(0, 2))).toEqual([
      ['3 in gebruik', 'data_team@proef.koers.example'],
      ['2', 'data@demo.koers.nl'],
      ['1', 'het bestand in de werkmap'],
    ]);
  });

  it('shows a file that does not load with its file, line and column, and offers no way to put it in use', async () => {
    const harness = await openPage('/uithoorn/bronnen/misdrijven');
    koers.uploads.preview = samplePreview({
      rowCount: null,
      rows: [],
      problem: { file: 'misdrijven-q4.csv', line: 3, column: 'pleegdatum', message: 'waarde "31-02-2026" is geen datum (date)' },
    });

    chooseFile(harness, csv());
    await click(harness, 'Uploaden en controleren');

    const alert = harness.routeNativeElement?.querySelector('[role="alert"]');
    expect(textOf(alert)).toBe(
      'Dit bestand laadt niet misdrijven-q4.csv:3 (kolom pleegdatum) : waarde "31-02-2026" is geen datum (date) Er is niets veranderd: de huidige versie blijft in gebruik. Verbeter het bestand en upload het opnieuw.',
    );
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Deze versie in gebruik nemen' }))).toHaveLength(0);
    await click(harness, 'Sluiten');
    expect(harness.routeNativeElement?.querySelector('input[type="file"]')).not.toBeNull();
  });

  it('says why the server refused an upload (too large), and keeps the upload field', async () => {
    const harness = await openPage('/uithoorn/bronnen/misdrijven');
    koers.uploads.refuseNext(413, 'Het bestand is groter dan de grens voor een upload van 1 GB (KOERS_UPLOAD_LIMIT).');

    chooseFile(harness, csv());
    await click(harness, 'Uploaden en controleren');

    expect(textOf(harness.routeNativeElement?.querySelector('[role="alert"]'))).toBe('Het bestand is groter dan de grens voor een upload van 1 GB (KOERS_UPLOAD_LIMIT).');
    expect(koers.sources.contents.sources['uithoorn']?.find((source) => source.id === 'misdrijven')?.versions).toHaveLength(2);
  });

  it('refuses a file that is no CSV, Parquet or JSON before sending it', async () => {
    const harness = await openPage('/uithoorn/bronnen/misdrijven');

    chooseFile(harness, new File(['x'], 'misdrijven.xlsx'));
    await click(harness, 'Uploaden en controleren');

    expect(textOf(harness.routeNativeElement?.querySelector('[role="alert"]'))).toContain('"misdrijven.xlsx" is geen CSV-, Parquet- of JSON-bestand');
    expect(koers.uploads.received).toEqual([]);
  });

  it('shows a load that fails after confirmation, and the previous version still in use', async () => {
    const harness = await openPage('/uithoorn/bronnen/misdrijven');
    koers.sources.failNext = 'kolom "soort" ontbreekt; indicator winkeldiefstallen leest haar';

    chooseFile(harness, csv());
    await click(harness, 'Uploaden en controleren');
    await click(harness, 'Deze versie in gebruik nemen');

    expect(textOf(harness.routeNativeElement?.querySelector('.job [role="alert"]'))).toBe(
      'sources/misdrijven.yaml : kolom "soort" ontbreekt; indicator winkeldiefstallen leest haar De vorige versie blijft in gebruik; de resultaten zijn niet veranderd.',
    );
    expect(tableRows(harness, 'Bewaarde versies')[0]?.[0]).toBe('2 in gebruik');
  });

  it('rolls back to an earlier version after a second press, and follows the job until it serves', async () => {
    const harness = await openPage('/uithoorn/bronnen/misdrijven');

    await click(harness, 'Terugzetten');
    expect(tableRows(harness, 'Bewaarde versies')[0]?.[0]).toBe('2 in gebruik');
    await click(harness, 'Ja, versie 1 terugzetten');

    expect(pageText(harness)).toContain('Terugzetten naar versie 1');
    expect(textOf(harness.routeNativeElement?.querySelector('.job [role="status"]'))).toBe('Klaar: versie 1 is in gebruik (1.001 rijen) en de indicatoren zijn herberekend.');
    expect(tableRows(harness, 'Bewaarde versies').map((row) => row[0])).toEqual(['2', '1 in gebruik']);
  });

  it('deletes a source no indicator uses after a second press, and returns to the list', async () => {
    const harness = await openPage('/uithoorn/bronnen/oud-archief');
    expect(pageText(harness)).toContain('meerdere of gecomprimeerde bestanden vervangt u in de werkmap');

    await click(harness, 'Bron verwijderen');
    await click(harness, 'Ja, bron oud-archief verwijderen');

    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe('Bronnen van Uithoorn');
    expect(koers.sources.contents.sources['uithoorn']?.map((source) => source.id)).toEqual(['bevolking', 'misdrijven']);
  });

  it('says the source does not exist, with the way back', async () => {
    const harness = await openPage('/uithoorn/bronnen/bestaat-niet');
    expect(pageText(harness)).toContain('Kies een bron in de lijst met bronnen.');
  });
});
