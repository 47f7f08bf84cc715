import { TestBed } from '@angular/core/testing';
import { sampleViewer } from '@koers/api/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { type InMemoryKoers, inMemoryKoers } from '../../testing/in-memory-koers';
import { openPage, pageText, textOf } from '../../testing/page-text';

describe('SourcesPageComponent', () => {
  let koers: InMemoryKoers;

  beforeEach(() => {
    koers = inMemoryKoers({ viewer: sampleViewer('data_team') });
    TestBed.configureTestingModule({ providers: [koers.providers] });
  });

  it('lists the sources: file, the version in use, the indicators that use each, and the latest upload', async () => {
    const harness = await openPage('/uithoorn/bronnen');

    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe('Bronnen van Uithoorn');
    expect(document.title).toBe('Bronnen van Uithoorn · Koers');
    const rows = Array.from(harness.routeNativeElement?.querySelectorAll('tbody tr') ?? []).map((row) => Array.from(row.children).map((cell) => textOf(cell)));
    expect(rows).toEqual([
      ['Bevolking per wijk op 1 januari (bevolking)', 'data/bevolking.csv CSV', 'werkmap · 40 rijen · 1 juli 2026 om 10:01', 'Winkeldiefstallen per 1.000 inwoners (noemer)', ''],
      ['Geregistreerde misdrijven (misdrijven)', 'data/misdrijven.csv CSV', 'versie 2 · 1.002 rijen · 1 oktober 2026 om 10:01', 'Vernielingen Winkeldiefstallen per 1.000 inwoners', ''],
      ['Oud archief (oud-archief)', 'data/archief/*.csv CSV', 'nog niet geladen', 'geen indicator', ''],
    ]);
    const links = Array.from(harness.routeNativeElement?.querySelectorAll('a') ?? []).map((link) => [link.textContent?.trim(), link.getAttribute('href')]);
    expect(links).toContainEqual(['Nieuwe bron', '/uithoorn/bronnen/nieuw']);
    expect(links).toContainEqual(['API-sleutels voor scripts', '/uithoorn/api-sleutels']);
    expect(links).toContainEqual(['Geregistreerde misdrijven', '/uithoorn/bronnen/misdrijven']);
  });

  it('marks a source whose latest upload failed', async () => {
    koers.sources.failNext = 'kolom "soort" ontbreekt';
    await koers.sources.publishUpload('uithoorn', 'upload-misdrijven', sampleViewer('data_team'));
    await koers.sources.getJob('uithoorn', 'upload-misdrijven');

    const harness = await openPage('/uithoorn/bronnen');
    const failed = harness.routeNativeElement?.querySelector('td.failed');
    expect(textOf(failed)).toBe('Nieuwe versie: mislukt');
  });

  it('says a municipality without sources has none, and how to start', async () => {
    const harness = await openPage('/diemen/bronnen');
    expect(pageText(harness)).toContain('Deze gemeente heeft nog geen bronnen. Begin met "Nieuwe bron".');
  });

  it('shows the shared error state when the sources cannot be read', async () => {
    koers.sources.failure = new Error('database weg');
    const harness = await openPage('/uithoorn/bronnen');
    expect(harness.routeNativeElement?.querySelector('[role="alert"]')).not.toBeNull();
    expect(harness.routeNativeElement?.querySelector('table')).toBeNull();
  });
});

describe('SourcesPageComponent for a role without sources', () => {
  it('shows the refusal of the server to a college member, and no list', async () => {
    const koers = inMemoryKoers({ viewer: sampleViewer('college') });
    TestBed.configureTestingModule({ providers: [koers.providers] });
    const harness = await openPage('/uithoorn/bronnen');
    expect(harness.routeNativeElement?.querySelector('table')).toBeNull();
    expect(harness.routeNativeElement?.querySelector('[role="alert"]')).not.toBeNull();
  });
});
