import { TestBed } from '@angular/core/testing';
import { sampleViewer } from '@koers/api/testing';
import { describe, expect, it, vi } from 'vitest';
import { inMemoryKoers } from '../../testing/in-memory-koers';
import { openPage, pageText, textOf } from '../../testing/page-text';

describe('MotionsPageComponent', () => {
  it('shows the council each motion with its numbered points, their status and the latest response', async () => {
    TestBed.configureTestingModule({ providers: [inMemoryKoers({ viewer: sampleViewer('council') }).providers] });
    const harness = await openPage('/uithoorn/moties');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('Moties en toezeggingen van Uithoorn');
    const points = Array.from(harness.routeNativeElement?.querySelectorAll('.points li') ?? []).map((point) => textOf(point));
    expect(points).toEqual([
      'Het college rapporteert ieder kwartaal over de afhandeling van Woo-verzoeken. Afgedaan — Ieder kwartaal opgenomen in de rapportage. (4e kwartaal 2025)',
      'Het college onderzoekt de bestuurskracht. Open — Het onderzoek start in het vierde kwartaal. (3e kwartaal 2025)',
    ]);
    expect(harness.routeNativeElement?.querySelector('form')).toBeNull();
  });

  it('lets the college respond to a point for the quarter that last ended', async () => {
    const koers = inMemoryKoers({ viewer: sampleViewer('college') });
    TestBed.configureTestingModule({ providers: [koers.providers] });
    const harness = await openPage('/uithoorn/moties');
    const form = harness.routeNativeElement?.querySelectorAll('form.respond')[1] as HTMLFormElement;
    expect(textOf(form)).toContain('Reactie over het 3e kwartaal 2026');
    const field = form.querySelector('textarea') as HTMLTextAreaElement;
    field.value = 'Het onderzoek loopt; de uitkomsten volgen in het voorjaar.';
    field.dispatchEvent(new Event('input'));
    (form.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(pageText(harness)).toContain('De reactie op punt 2 van T2025-03 is opgeslagen.'));
    await vi.waitFor(() => expect(pageText(harness)).toContain('Open — Het onderzoek loopt; de uitkomsten volgen in het voorjaar. (3e kwartaal 2026)'));
    expect(koers.reports.audit).toEqual(['motion_response:save:toezegging-woo/2/2026-Q3']);
  });
});
