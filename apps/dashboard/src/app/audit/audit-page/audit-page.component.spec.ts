import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { Router } from '@angular/router';
import type { RouterTestingHarness } from '@angular/router/testing';
import { sampleViewer } from '@koers/api/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { type InMemoryKoers, inMemoryKoers } from '../../testing/in-memory-koers';
import { openPage, pageText, textOf } from '../../testing/page-text';

function rows(harness: RouterTestingHarness): string[][] {
  return Array.from(harness.routeNativeElement?.querySelectorAll('tbody tr') ?? []).map((row) =>
    Array.from(row.children).map((cell) => textOf(cell)),
  );
}

async function settle(harness: RouterTestingHarness): Promise<void> {
  await harness.fixture.whenStable();
  await new Promise((wait) => setTimeout(wait));
  await harness.fixture.whenStable();
}

describe('AuditPageComponent', () => {
  let koers: InMemoryKoers;

  beforeEach(() => {
    koers = inMemoryKoers({ viewer: sampleViewer('admin') });
    TestBed.configureTestingModule({ providers: [koers.providers] });
  });

  it('shows the changes newest first: when, who, what, and before → after in words', async () => {
    const harness = await openPage('/uithoorn/logboek');

    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('Logboek van Uithoorn');
    expect(document.title).toBe('Logboek van Uithoorn · Koers');
    const headings = Array.from(harness.routeNativeElement?.querySelectorAll('thead th') ?? []).map((cell) => cell.textContent?.trim());
    expect(headings).toEqual(['Wanneer', 'Door', 'Onderdeel', 'Actie', 'Wijziging']);
    const shown = rows(harness);
    expect(shown).toHaveLength(50);
    expect(shown.slice(0, 3)).toEqual([
      ['27 november 2026 om 10:15', 'data@proef.koers.example', 'Berekening uithoorn', 'aangevraagd', 'aanleiding: op verzoek'],
      [
        '20 november 2026 om 15:02',
        'admin@proef.koers.example',
        'Programma bestuur-en-organisatie',
        'gewijzigd',
        'afdeling: was Bestuur → werd Bestuur en Organisatie',
      ],
      [
        '2 november 2026 om 09:00',
        'koers',
        'Werkruimte (bronnen, indicatoren, programma’s) uithoorn',
        'ingelezen',
        'gemeente: Uithoorn programma’s: 2 indicatoren: 3',
      ],
    ]);
    expect(harness.routeNativeElement?.querySelector('tbody time')?.getAttribute('datetime')).toBe('2026-11-27T09:15:00.000Z');
    expect(harness.routeNativeElement?.querySelector('caption')?.textContent?.trim()).toBe('Wijzigingen, nieuwste eerst (50 getoond)');
  });

  it('loads the next page with "Meer laden", and moves focus to the first change that came in', async () => {
    const harness = await openPage('/uithoorn/logboek');
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Meer laden' }))).click();
    await settle(harness);

    const shown = rows(harness);
    expect(shown).toHaveLength(60);
    expect(shown.at(-1)?.[0]).toBe('6 september 2026 om 12:00');
    expect(document.activeElement).toBe(harness.routeNativeElement?.querySelectorAll('tbody tr')[50]);
    expect(pageText(harness)).toContain('10 oudere wijzigingen geladen; 60 getoond.');
    expect(pageText(harness)).toContain('Dit zijn alle wijzigingen.');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Meer laden' }))).toHaveLength(0);
  });

  it('filters by what the URL says, and puts the form’s filters in the URL', async () => {
    const harness = await openPage('/uithoorn/logboek?onderdeel=program');
    expect(rows(harness).map((row) => row[2])).toEqual(['Programma bestuur-en-organisatie']);
    expect(harness.routeNativeElement?.querySelector<HTMLSelectElement>('select[name="onderdeel"]')?.value).toBe('program');

    const actor = harness.routeNativeElement?.querySelector<HTMLInputElement>('input[name="door"]');
    const from = harness.routeNativeElement?.querySelector<HTMLInputElement>('input[name="van"]');
    const entity = harness.routeNativeElement?.querySelector<HTMLSelectElement>('select[name="onderdeel"]');
    if (!actor || !from || !entity) throw new Error('the filter form is incomplete');
    entity.value = 'computation';
    entity.dispatchEvent(new Event('change'));
    actor.value = 'data@proef.koers.example';
    actor.dispatchEvent(new Event('input'));
    from.value = '2026-11-01';
    from.dispatchEvent(new Event('input'));
    harness.routeNativeElement?.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(harness);

    expect(TestBed.inject(Router).url).toBe('/uithoorn/logboek?onderdeel=computation&door=data@proef.koers.example&van=2026-11-01');
    expect(rows(harness).map((row) => row[0])).toEqual(['27 november 2026 om 10:15', '1 november 2026 om 11:00']);
  });

  it('says when no change matches the filters, and offers to clear them', async () => {
    const harness = await openPage('/uithoorn/logboek?door=niemand%40koers.example');

    expect(pageText(harness)).toContain('Geen wijzigingen die aan de filters voldoen. Verruim de filters of wis ze.');
    const clear = Array.from(harness.routeNativeElement?.querySelectorAll('a') ?? []).find((link) => link.textContent?.trim() === 'Filters wissen');
    expect(clear?.getAttribute('href')).toBe('/uithoorn/logboek');
  });

  it('says when nothing has been recorded yet', async () => {
    const harness = await openPage('/hilversum/logboek');

    expect(pageText(harness)).toContain('Er zijn nog geen wijzigingen vastgelegd voor deze gemeente.');
    expect(harness.routeNativeElement?.querySelector('table')).toBeNull();
  });

  it('says when the last day comes before the first, without asking the server', async () => {
    const harness = await openPage('/uithoorn/logboek?van=2026-11-30&tot=2026-11-01');

    expect(harness.routeNativeElement?.querySelector('[role="alert"]')?.textContent).toContain('ligt vóór de datum "vanaf"');
    expect(koers.catalog.reads.filter((read) => read.startsWith('listAudit'))).toEqual([]);
  });

  it('says what went wrong when loading fails, and loads again on "Opnieuw proberen"', async () => {
    koers.catalog.failure = new Error('database locked');
    const harness = await openPage('/uithoorn/logboek');

    expect(textOf(harness.routeNativeElement?.querySelector('[role="alert"]'))).toMatch(
      /Het logboek kon niet worden geladen Er ging iets mis op de server \(foutcode [0-9a-f]{8}\)/,
    );
    koers.catalog.failure = null;
    await (await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(MatButtonHarness.with({ text: 'Opnieuw proberen' }))).click();
    await settle(harness);

    expect(rows(harness)).toHaveLength(50);
  });

  it('keeps the table reachable and named for keyboard and screen-reader users', async () => {
    const harness = await openPage('/uithoorn/logboek');

    const region = harness.routeNativeElement?.querySelector('[role="region"]');
    expect(region?.getAttribute('tabindex')).toBe('0');
    expect(region?.getAttribute('aria-labelledby')).toBe('logboek-tabel');
    expect(harness.routeNativeElement?.querySelector('form[role="search"]')?.getAttribute('aria-label')).toBe('Logboek filteren');
    expect(Array.from(harness.routeNativeElement?.querySelectorAll('mat-label') ?? []).map((label) => label.textContent?.trim())).toEqual([
      'Onderdeel',
      'Door (e-mailadres)',
      'Vanaf',
      'Tot en met',
    ]);
  });
});
