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

  it('lets the college record a new motion with numbered points, each beside the program it concerns, and says what is missing first', async () => {
    const koers = inMemoryKoers({ viewer: sampleViewer('college') });
    TestBed.configureTestingModule({ providers: [koers.providers] });
    const harness = await openPage('/uithoorn/moties');
    const page = harness.routeNativeElement as HTMLElement;
    const form = page.querySelector('koers-motion-form form') as HTMLFormElement;
    const submit = () => (Array.from(form.querySelectorAll('button')).find((button) => button.textContent?.trim() === 'Vastleggen') as HTMLButtonElement).click();
    const type = (selector: string, value: string) => {
      const field = form.querySelector(selector) as HTMLInputElement | HTMLTextAreaElement;
      field.value = value;
      field.dispatchEvent(new Event('input'));
    };

    submit();
    await harness.fixture.whenStable();
    expect(textOf(form.querySelector('#fout-reference'))).toBe('Vul het kenmerk in, zoals de raad het noemt (bijvoorbeeld M2026-07).');
    expect(form.querySelector('#motie-reference')?.getAttribute('aria-invalid')).toBe('true');
    expect(textOf(form.querySelector('#fout-punt-0'))).toBe('Schrijf de tekst van punt 1, of verwijder het.');
    expect(koers.reports.audit).toEqual([]);

    type('#motie-reference', 'M2026-07');
    type('#motie-title', 'Veilig naar school');
    type('#motie-adoptedOn', '2026-06-12');
    type('#punt-0', 'Het college legt schoolzones aan.');
    const program = form.querySelector('li select') as HTMLSelectElement;
    program.value = 'veiligheid';
    program.dispatchEvent(new Event('change'));
    (Array.from(form.querySelectorAll('button')).find((button) => button.textContent?.trim() === 'Punt toevoegen') as HTMLButtonElement).click();
    await harness.fixture.whenStable();
    type('#punt-1', 'Het college rapporteert ieder kwartaal.');
    submit();

    await vi.waitFor(() => expect(pageText(harness)).toContain('M2026-07 is vastgelegd.'));
    await vi.waitFor(() => expect(pageText(harness)).toContain('Motie M2026-07: Veilig naar school'));
    expect(koers.reports.audit).toEqual(['motion:create:motie-m2026-07']);
    const saved = koers.reports.contents.motions.find((motion) => motion.id === 'motie-m2026-07');
    expect(saved?.points).toEqual([
      { number: 1, text: 'Het college legt schoolzones aan.', links: [{ programId: 'veiligheid' }] },
      { number: 2, text: 'Het college rapporteert ieder kwartaal.', links: [] },
    ]);
    expect((page.querySelector('#motie-reference') as HTMLInputElement).value).toBe('');
  });
});
