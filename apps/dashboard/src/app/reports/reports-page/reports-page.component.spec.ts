import { TestBed } from '@angular/core/testing';
import type { RouterTestingHarness } from '@angular/router/testing';
import { sampleViewer } from '@koers/api/testing';
import { describe, expect, it, vi } from 'vitest';
import { inMemoryKoers } from '../../testing/in-memory-koers';
import { openPage, pageText, textOf } from '../../testing/page-text';

function items(harness: RouterTestingHarness, selector: string): string[] {
  return Array.from(harness.routeNativeElement?.querySelectorAll(selector) ?? []).map((item) => textOf(item));
}

describe('ReportsPageComponent', () => {
  it('lists the published reports for a council member, and searches them', async () => {
    TestBed.configureTestingModule({ providers: [inMemoryKoers({ viewer: sampleViewer('council') }).providers] });
    const harness = await openPage('/uithoorn/rapportages');
    expect(items(harness, '.reports li')).toEqual([
      'Kwartaalrapportage 4e kwartaal 2025 Gepubliceerd aan de raad, versie 2 gepubliceerd op 3 februari 2026 Correctie: De toelichting is aangevuld na de raadsvergadering. Openbare versie',
      'Kwartaalrapportage 3e kwartaal 2025 Gepubliceerd aan de raad, versie 1 gepubliceerd op 20 oktober 2025 Openbare versie',
    ]);
    expect(pageText(harness)).not.toContain('Rapportage opstellen');

    const input = harness.routeNativeElement?.querySelector('input[name="zoekwoorden"]') as HTMLInputElement;
    input.value = 'bestuurskracht';
    input.dispatchEvent(new Event('input'));
    (harness.routeNativeElement?.querySelector('form.search button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(pageText(harness)).toMatch(/\d+ resultaten|Eén resultaat/));
    expect(items(harness, '.hits li')[0]).toContain('4e kwartaal 2025');
  });

  it('offers the college the drafts, the ended quarters to open, and whether reports are public', async () => {
    TestBed.configureTestingModule({ providers: [inMemoryKoers({ viewer: sampleViewer('college') }).providers] });
    const harness = await openPage('/uithoorn/rapportages');
    expect(items(harness, '.reports li a:first-child')).toEqual([
      'Kwartaalrapportage 2e kwartaal 2026',
      'Kwartaalrapportage 1e kwartaal 2026',
      'Kwartaalrapportage 4e kwartaal 2025',
      'Kwartaalrapportage 3e kwartaal 2025',
    ]);
    expect(items(harness, '.open-quarters button')[0]).toBe('Rapportage 3e kwartaal 2026 openen');
    expect(pageText(harness)).toContain('Gepubliceerde rapportages openbaar maken (Wet open overheid)');
  });
});
