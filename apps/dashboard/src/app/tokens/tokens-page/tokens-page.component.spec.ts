import { TestBed } from '@angular/core/testing';
import type { RouterTestingHarness } from '@angular/router/testing';
import { sampleViewer } from '@koers/api/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { type InMemoryKoers, inMemoryKoers } from '../../testing/in-memory-koers';
import { clickButton, settle, typeInto } from '../../testing/page-actions';
import { openPage, pageText, textOf } from '../../testing/page-text';

function rows(harness: RouterTestingHarness): string[][] {
  return Array.from(harness.routeNativeElement?.querySelectorAll('tbody tr') ?? []).map((row) => Array.from(row.children).map((cell) => textOf(cell)));
}

async function create(harness: RouterTestingHarness, name: string): Promise<void> {
  typeInto(harness, 'naam', name);
  await clickButton(harness, 'Sleutel maken');
}

describe('TokensPageComponent', () => {
  let koers: InMemoryKoers;

  beforeEach(() => {
    koers = inMemoryKoers({ viewer: sampleViewer('data_team') });
    TestBed.configureTestingModule({ providers: [koers.providers] });
  });

  it('lists the user’s own tokens: name, start, made, last used, status', async () => {
    const harness = await openPage('/uithoorn/api-sleutels');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe('API-sleutels');
    expect(document.title).toBe('API-sleutels · Koers');
    expect(rows(harness)).toEqual([['Nachtelijke import', 'koers_proe…', '1 oktober 2026 om 10:00', '29 november 2026 om 03:00', 'actief', 'Intrekken']]);
  });

  it('shows a new token’s secret once, with the curl command for the script route; after leaving, only its start', async () => {
    const harness = await openPage('/uithoorn/api-sleutels');
    await create(harness, 'Import uit het zaaksysteem');

    const secret = harness.routeNativeElement?.querySelector<HTMLInputElement>('#sleutel')?.value ?? '';
    expect(secret).toMatch(/^koers_proef2x{32}$/);
    expect(pageText(harness)).toContain('Kopieer de sleutel nu: Koers toont hem niet nog een keer.');
    expect(harness.routeNativeElement?.querySelector('pre')?.textContent).toBe(
      `curl --fail-with-body -H "Authorization: Bearer ${secret}" -H "Content-Type: text/csv" \\\n  --data-binary @misdrijven.csv ${location.origin}/api/uithoorn/sources/<bron>/versions`,
    );
    expect(rows(harness)[0]?.slice(0, 2)).toEqual(['Import uit het zaaksysteem', 'koers_proe…']);

    await harness.navigateByUrl('/uithoorn/bronnen');
    await harness.navigateByUrl('/uithoorn/api-sleutels');
    await settle(harness);
    expect(harness.routeNativeElement?.querySelector('#sleutel')).toBeNull();
    expect(pageText(harness)).not.toContain(secret);
    expect(rows(harness)).toHaveLength(2);
  });

  it('asks for a name before making a token', async () => {
    const harness = await openPage('/uithoorn/api-sleutels');
    await create(harness, '  ');
    expect(textOf(harness.routeNativeElement?.querySelector('#naam-fout'))).toBe('Geef de sleutel een naam: waarvoor is hij (bijvoorbeeld "Nachtelijke import")?');
    expect(rows(harness)).toHaveLength(1);
  });

  it('revokes a token: it stays in the list as revoked, without the button', async () => {
    const harness = await openPage('/uithoorn/api-sleutels');
    await clickButton(harness, 'Intrekken');
    expect(rows(harness)).toEqual([['Nachtelijke import', 'koers_proe…', '1 oktober 2026 om 10:00', '29 november 2026 om 03:00', 'ingetrokken op 30 november 2026 om 13:00', '']]);
  });
});
