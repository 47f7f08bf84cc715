import { DeferBlockBehavior, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { InMemoryIndicatorEditor, sampleCatalogContents, sampleViewer } from '@koers/api/testing';
import type { Role } from '@koers/domain';
import { describe, expect, it } from 'vitest';
import { AppComponent } from '../app.component';
import { inMemoryKoers } from '../testing/in-memory-koers';

/** The links into the editor that the whole app (toolbar and page) offers `role` on an indicator's page. */
async function editorLinksFor(role: Role): Promise<{ text: string; href: string | null }[]> {
  const koers = inMemoryKoers({ viewer: sampleViewer(role, ['uithoorn']), indicatorEditor: new InMemoryIndicatorEditor(sampleCatalogContents()) });
  TestBed.configureTestingModule({ imports: [AppComponent], providers: [koers.providers], deferBlockBehavior: DeferBlockBehavior.Manual });
  await TestBed.compileComponents();
  const fixture = TestBed.createComponent(AppComponent);
  await TestBed.inject(Router).navigateByUrl('/uithoorn/indicatoren/winkeldiefstallen');
  await fixture.whenStable();
  expect((fixture.nativeElement as HTMLElement).querySelector('h1')?.textContent).toBe('Winkeldiefstallen per 1.000 inwoners');
  return Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('a'))
    .filter((link) => link.getAttribute('href')?.includes('/definities') ?? false)
    .map((link) => ({ text: link.textContent?.trim() ?? '', href: link.getAttribute('href') }));
}

describe('the way into the indicator editor', () => {
  it('is offered to the data team: the "Definities" section and "Definitie bewerken" on an indicator page', async () => {
    expect(await editorLinksFor('data_team')).toEqual([
      { text: 'Definities', href: '/uithoorn/definities' },
      { text: 'Definitie bewerken', href: '/uithoorn/definities/winkeldiefstallen' },
    ]);
  });

  it('is not offered to the college, who reads the same indicator page', async () => {
    expect(await editorLinksFor('college')).toEqual([]);
  });

  it('is not offered to a team lead or an admin, who read the same indicator page', async () => {
    expect(await editorLinksFor('team_lead')).toEqual([]);
    TestBed.resetTestingModule();
    expect(await editorLinksFor('admin')).toEqual([]);
  });
});
