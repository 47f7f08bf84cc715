import { TestBed } from '@angular/core/testing';
import type { RouterTestingHarness } from '@angular/router/testing';
import { samplePreview, sampleViewer } from '@koers/api/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { type InMemoryKoers, inMemoryKoers } from '../../testing/in-memory-koers';
import { chooseFile, clickButton as click, typeInto as type } from '../../testing/page-actions';
import { openPage, pageText, textOf } from '../../testing/page-text';

async function upload(harness: RouterTestingHarness): Promise<void> {
  chooseFile(harness, new File(['meldingen'], 'meldingen.csv', { type: 'text/csv' }));
  await click(harness, 'Uploaden en controleren');
}

describe('NewSourcePageComponent', () => {
  let koers: InMemoryKoers;

  beforeEach(() => {
    koers = inMemoryKoers({ viewer: sampleViewer('data_team') });
    koers.uploads.preview = samplePreview({ columns: samplePreview().columns.map((column) => ({ ...column, declaredType: null })) });
    TestBed.configureTestingModule({ providers: [koers.providers] });
  });

  it('declares a new source from the preview: the suggested types, an id and a title; follows its load and offers an indicator on it', async () => {
    const harness = await openPage('/uithoorn/bronnen/nieuw');
    expect(document.title).toBe('Nieuwe bron · Koers');

    await upload(harness);
    expect(koers.uploads.received[0]?.url).toBe('/api/uithoorn/uploads');
    const selects = Array.from(harness.routeNativeElement?.querySelectorAll('select') ?? []);
    expect(selects.map((select) => [select.getAttribute('aria-label'), select.value])).toEqual([
      ['Type van kolom pleegdatum', 'date'],
      ['Type van kolom soort', 'varchar'],
      ['Type van kolom wijk', 'varchar'],
    ]);
    const wijk = selects[2];
    if (wijk === undefined) throw new Error('no select for wijk');
    wijk.value = '';
    wijk.dispatchEvent(new Event('change'));
    type(harness, 'sourceId', 'meldingen');
    type(harness, 'title', 'Meldingen openbare ruimte');
    await click(harness, 'Bron aanmaken');

    const created = koers.sources.contents.sources['uithoorn']?.find((source) => source.id === 'meldingen');
    expect(created?.columns).toEqual({ pleegdatum: 'date', soort: 'varchar' });
    expect(created?.title).toBe('Meldingen openbare ruimte');
    expect(textOf(harness.routeNativeElement?.querySelector('.job [role="status"]'))).toBe('Klaar: versie 1 is in gebruik (1.204 rijen) en de indicatoren zijn herberekend.');
    expect(pageText(harness)).toContain('Bron Meldingen openbare ruimte is aangemaakt.');
    const indicator = Array.from(harness.routeNativeElement?.querySelectorAll('a') ?? []).find((link) => link.textContent?.trim() === 'Indicator maken op deze bron');
    expect(indicator?.getAttribute('href')).toBe('/uithoorn/definities/nieuw?bron=meldingen');
  });

  it('says beside the field what is wrong with the id and the title, and what the server refused', async () => {
    const harness = await openPage('/uithoorn/bronnen/nieuw');
    await upload(harness);

    type(harness, 'sourceId', 'Meldingen 2026');
    await click(harness, 'Bron aanmaken');
    expect(textOf(harness.routeNativeElement?.querySelector('#id-fout'))).toBe('Een id begint met a-z en bevat alleen a-z, 0-9, "_" en "-".');
    expect(textOf(harness.routeNativeElement?.querySelector('#titel-fout'))).toBe('Vul een titel in.');
    expect(harness.routeNativeElement?.querySelector('input[name="sourceId"]')?.getAttribute('aria-invalid')).toBe('true');

    type(harness, 'sourceId', 'misdrijven');
    type(harness, 'title', 'Nog eens misdrijven');
    await click(harness, 'Bron aanmaken');
    expect(textOf(harness.routeNativeElement?.querySelector('#id-fout'))).toBe('er is al een bron "misdrijven": kies een ander id');
    expect(koers.sources.contents.sources['uithoorn']?.filter((source) => source.id === 'misdrijven')).toHaveLength(1);
  });
});
