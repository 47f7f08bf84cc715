import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { sampleViewer } from '@koers/api/testing';
import { describe, expect, it } from 'vitest';
import { inMemoryKoers } from '../../testing/in-memory-koers';
import { openPage, textOf } from '../../testing/page-text';

function setUp(role: 'team_lead' | 'college' | 'data_team') {
  const koers = inMemoryKoers({ viewer: sampleViewer(role) });
  TestBed.configureTestingModule({ providers: [koers.providers] });
  return koers;
}

const cardOf = (page: Element | null | undefined, actionId: string) => page?.querySelector(`#actie-${actionId}`);

describe('ActionsBoardPageComponent', () => {
  it("shows a team lead every action with its standing, and a form only for their own team's", async () => {
    setUp('team_lead');
    const harness = await openPage('/uithoorn/acties');
    const page = harness.routeNativeElement;

    expect(page?.querySelector('h1')?.textContent).toBe('Acties');
    expect(textOf(page?.querySelector('.lead'))).toContain('U bent teamleider van Team Bestuursondersteuning');
    expect(textOf(page?.querySelector('h2.count'))).toBe('2 van 2 acties');
    const research = cardOf(page, 'bestuurskrachtonderzoek');
    expect(textOf(research)).toContain('Team: Team Bestuursondersteuning Prioriteit: Nieuw beleid Soort: Nieuw');
    // Overdue, in words and not by colour alone.
    expect(textOf(research)).toContain('Over de einddatum (31 december 2025) en niet gereed');
    expect(textOf(research)).toContain(
      'Stand: Vertraagd — 40% gereed volgens het 4e kwartaal 2026 “Wacht op het rapport van de onderzoekers.”',
    );
    expect(research?.querySelector('koers-progress-form')).not.toBeNull();
    const regional = cardOf(page, 'regionale-samenwerking');
    expect(textOf(regional)).toContain('Nog niet bijgewerkt over het 4e kwartaal 2026');
    expect(regional?.querySelector('koers-progress-form')).toBeNull();
    expect(page?.querySelector('.reporting')).toBeNull();

    const ownTeamOnly = Array.from(page?.querySelectorAll('.lead a') ?? []).find((link) => textOf(link) === 'Toon alleen de acties van uw team') as HTMLAnchorElement;
    ownTeamOnly.click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/uithoorn/acties?team=Team%20Bestuursondersteuning');
    expect(textOf(page?.querySelector('h2.count'))).toBe('1 van 2 acties');
    expect(page?.querySelector('.lead a')).toBeNull();
  });

  it('saves a report inline, and the board shows it', async () => {
    const koers = setUp('team_lead');
    const harness = await openPage('/uithoorn/acties');
    const form = cardOf(harness.routeNativeElement, 'bestuurskrachtonderzoek')?.querySelector('form');
    const status = form?.querySelector('select') as HTMLSelectElement;
    const percent = form?.querySelector('input[type="number"]') as HTMLInputElement;
    const comment = form?.querySelector('textarea') as HTMLTextAreaElement;
    expect(status.value).toBe('delayed');
    status.value = 'on_schedule';
    status.dispatchEvent(new Event('change'));
    percent.value = '55';
    percent.dispatchEvent(new Event('input'));
    comment.value = 'Rapport binnen, bespreking met de raad gepland.';
    comment.dispatchEvent(new Event('input'));

    (form?.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await harness.fixture.whenStable();

    expect(
      koers.work.changes.map((change) => [change.entityId, (change.after as { percent: number }).percent]),
    ).toEqual([['bestuurskrachtonderzoek:2026-Q4', 55]]);
    expect(textOf(cardOf(harness.routeNativeElement, 'bestuurskrachtonderzoek'))).toContain(
      'Stand: Op schema — 55% gereed volgens het 4e kwartaal 2026 “Rapport binnen, bespreking met de raad gepland.”',
    );
    expect(textOf(harness.routeNativeElement?.querySelector('[role="status"]'))).toBe('Opgeslagen.');
  });

  it('filters by team, priority, status and quarter through the URL', async () => {
    setUp('college');
    const harness = await openPage('/uithoorn/acties?status=not_reported');
    expect(
      Array.from(harness.routeNativeElement?.querySelectorAll('li.action h3') ?? []).map(
        (heading) => heading.textContent,
      ),
    ).toEqual(['Regie op de regionale samenwerking']);

    await harness.navigateByUrl('/uithoorn/acties?prioriteit=new_policy&kwartaal=2026-Q3');
    await harness.fixture.whenStable();
    expect(textOf(harness.routeNativeElement?.querySelector('.lead'))).toContain(
      'Voortgang over het 3e kwartaal 2026 (een eerder kwartaal: alleen te lezen)',
    );
    expect(
      Array.from(harness.routeNativeElement?.querySelectorAll('li.action h3') ?? []).map(
        (heading) => heading.textContent,
      ),
    ).toEqual(['Uitwerken Bestuurskrachtonderzoek']);

    const team = harness.routeNativeElement?.querySelector('select') as HTMLSelectElement;
    team.value = 'Team Bestuursondersteuning';
    team.dispatchEvent(new Event('change'));
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe(
      '/uithoorn/acties?prioriteit=new_policy&kwartaal=2026-Q3&team=Team%20Bestuursondersteuning',
    );
  });

  it('shows the college per team who has not yet reported, and no form', async () => {
    setUp('college');
    const harness = await openPage('/uithoorn/acties');
    const rows = Array.from(harness.routeNativeElement?.querySelectorAll('.reporting tbody tr') ?? []).map((row) =>
      textOf(row),
    );
    expect(rows).toEqual(['Team Bestuursondersteuning 1 Alles bijgewerkt Proef team_lead']);
    expect(harness.routeNativeElement?.querySelector('koers-progress-form')).toBeNull();
  });
});
