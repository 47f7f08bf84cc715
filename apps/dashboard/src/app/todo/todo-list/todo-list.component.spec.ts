import { TestBed } from '@angular/core/testing';
import { sampleViewer } from '@koers/api/testing';
import type { Role } from '@koers/domain';
import { describe, expect, it } from 'vitest';
import { inMemoryKoers } from '../../testing/in-memory-koers';
import { openPage, textOf } from '../../testing/page-text';

async function todoOf(role: Role) {
  TestBed.configureTestingModule({ providers: [inMemoryKoers({ viewer: sampleViewer(role) }).providers] });
  const harness = await openPage('/uithoorn');
  return harness.routeNativeElement?.querySelector('koers-todo-list');
}

describe('the to-do on the start page', () => {
  it('gives the college the commentary still open, each linking to its effect', async () => {
    const todo = await todoOf('college');
    expect(todo?.querySelector('h2')?.textContent).toBe('Te doen in het 4e kwartaal 2026');
    const links = Array.from(todo?.querySelectorAll('a') ?? []);
    expect(links.map((link) => [textOf(link), link.getAttribute('href')])).toEqual([
      [
        'Toelichting bij "Het bestuur maakt binnen de beschikbare middelen keuzes die effect creëren." over het 4e kwartaal 2026',
        '/uithoorn/programmas/bestuur-en-organisatie#effect-keuzes-met-effect',
      ],
      [
        'Toelichting bij "Minder winkeldiefstal en vernielingen" over het 4e kwartaal 2026',
        '/uithoorn/programmas/veiligheid#effect-minder-criminaliteit',
      ],
    ]);
  });

  it('gives the data team the source whose refresh failed, with the error', async () => {
    const todo = await todoOf('data_team');
    expect(textOf(todo)).toContain(
      'Bron Bron "misdrijven" kon niet worden ververst data/misdrijven.csv: column "soort" is missing',
    );
    expect(todo?.querySelector('a')?.getAttribute('href')).toBe('/uithoorn/indicatoren/vernielingen');
  });

  it('tells a team lead with everything reported that nothing is open', async () => {
    const todo = await todoOf('team_lead');
    expect(textOf(todo)).toContain('Niets te doen: alles is bijgewerkt.');
  });
});
