import { TestBed } from '@angular/core/testing';
import type { Viewer } from '@koers/domain';
import { sampleViewer } from '@koers/api/testing';
import { describe, expect, it } from 'vitest';
import { inMemoryKoers } from '../../testing/in-memory-koers';
import { openPage, textOf } from '../../testing/page-text';

function setUp(viewer: Viewer) {
  const koers = inMemoryKoers({ viewer });
  TestBed.configureTestingModule({ providers: [koers.providers] });
  return koers;
}

function buttonNamed(root: Element | null | undefined, name: string): HTMLButtonElement {
  const button = Array.from(root?.querySelectorAll('button') ?? []).find((candidate) => textOf(candidate) === name);
  if (!button) throw new Error(`no button "${name}"`);
  return button as HTMLButtonElement;
}

describe('the college commentary', () => {
  it('lets the college write commentary on an effect, and shows it with author and time on the program page', async () => {
    const koers = setUp(sampleViewer('college'));
    const harness = await openPage('/uithoorn/programmas/veiligheid');
    const effect = harness.routeNativeElement?.querySelector('section.effect');
    expect(textOf(effect?.querySelector('koers-effect-commentary'))).toContain(
      'Nog geen toelichting over het 4e kwartaal 2026.',
    );

    buttonNamed(effect, 'Toelichting schrijven bij Minder winkeldiefstal en vernielingen').click();
    await harness.fixture.whenStable();
    const textarea = effect?.querySelector('textarea') as HTMLTextAreaElement;
    // The button pressed is gone: focus is on the text.
    expect(document.activeElement).toBe(textarea);
    textarea.value = 'Vernielingen stegen door de jaarwisseling; extra toezicht loopt.';
    textarea.dispatchEvent(new Event('input'));
    buttonNamed(effect, 'Toelichting opslaan').click();
    await harness.fixture.whenStable();

    expect(koers.work.changes.map((change) => [change.entity, change.entityId])).toEqual([
      ['commentary', 'minder-criminaliteit:2026-Q4'],
    ]);
    const shown = textOf(harness.routeNativeElement?.querySelector('section.effect koers-effect-commentary'));
    expect(shown).toContain(
      'Toelichting van het college over het 4e kwartaal 2026 Vernielingen stegen door de jaarwisseling; extra toezicht loopt. — Proef college, 30 november 2026 om 13:00',
    );
    expect(shown).toContain('Toelichting aanpassen');
    // Focus back on the button that opened the form.
    expect(textOf(document.activeElement)).toBe('Toelichting aanpassen bij Minder winkeldiefstal en vernielingen');

    // Escape closes the form again, without saving.
    buttonNamed(effect, 'Toelichting aanpassen bij Minder winkeldiefstal en vernielingen').click();
    await harness.fixture.whenStable();
    effect?.querySelector('textarea')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await harness.fixture.whenStable();
    expect(effect?.querySelector('textarea')).toBeNull();
    expect(koers.work.changes).toHaveLength(1);
  });

  it('shows it on the indicator page, and to a team lead without a way to write', async () => {
    const koers = setUp(sampleViewer('team_lead'));
    await koers.work.saveCommentary(
      'uithoorn',
      { effectId: 'minder-criminaliteit', quarter: '2026-Q4', text: 'Extra toezicht.' },
      sampleViewer('college'),
    );
    const harness = await openPage('/uithoorn/indicatoren/vernielingen');
    const section = harness.routeNativeElement?.querySelector('koers-indicator-commentary');
    expect(textOf(section)).toContain('Toelichting van het college Veiligheid — Minder winkeldiefstal en vernielingen');
    expect(textOf(section)).toContain('Extra toezicht. — Proef college');
    expect(section?.querySelector('button')).toBeNull();
  });

  it('offers a college member no form for a program outside their portfolio', async () => {
    setUp({
      ...sampleViewer('college', ['uithoorn']),
      grants: [{ municipalityId: 'uithoorn', role: 'college', portfolio: ['wethouder Financiën'] }],
    });
    const harness = await openPage('/uithoorn/programmas/veiligheid');
    expect(harness.routeNativeElement?.querySelector('koers-effect-commentary button')).toBeNull();
    expect(harness.routeNativeElement?.querySelector('.edit-link a')?.getAttribute('href')).toBe(
      '/uithoorn/programmas/veiligheid/bewerken',
    );
  });
});
