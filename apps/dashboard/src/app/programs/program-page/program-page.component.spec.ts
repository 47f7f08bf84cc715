import { TestBed } from '@angular/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { type InMemoryKoers, inMemoryKoers } from '../../testing/in-memory-koers';
import { openPage, pageText, textOf } from '../../testing/page-text';

describe('ProgramPageComponent', () => {
  let koers: InMemoryKoers;

  beforeEach(() => {
    koers = inMemoryKoers();
    TestBed.configureTestingModule({ providers: [koers.providers] });
  });

  it('shows the vision, portfolio holder, department and policy documents', async () => {
    const harness = await openPage('/uithoorn/programmas/bestuur-en-organisatie');
    const text = pageText(harness);

    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('Bestuur en organisatie');
    expect(text).toContain('Portefeuillehouder A. de Vries');
    expect(text).toContain('Afdeling Bestuur en Organisatie');
    expect(text).toContain('Beleidsdocumenten Bestuursakkoord 2022-2026');
    expect(text).toContain('Visie De kracht van Uithoorn is de samenwerking met inwoners en partners.');
    expect(textOf(harness.routeNativeElement?.querySelector('nav[aria-label="Kruimelpad"]'))).toBe(
      'Uithoorn Bestuur en organisatie',
    );
  });

  it('shows each effect with cards of its indicators: value, unit, target, status and a sparkline', async () => {
    const harness = await openPage('/uithoorn/programmas/veiligheid');
    const cards = Array.from(harness.routeNativeElement?.querySelectorAll('koers-indicator-card') ?? []);

    expect(cards.map((card) => textOf(card))).toEqual([
      'Winkeldiefstallen per 1.000 inwoners Laatste waarde: 0,51 per 1.000 inwoners 4e kwartaal 2025 Status: Op koers Streefwaarde 2025: 0,54 per 1.000 inwoners',
      expect.stringMatching(
        /^Vernielingen per 1\.000 inwoners Laatste waarde: 1,82 per 1\.000 inwoners 4e kwartaal 2025 Status: Uit koers Streefwaarde 2025: 1,52 per 1\.000 inwoners De laatste berekening is mislukt\. U ziet de waarden van 30 november 2026 om 09:00\.$/,
      ),
    ]);
    const sparkline = cards[0]?.querySelector('koers-sparkline svg');
    expect(sparkline?.getAttribute('aria-label')).toBe(
      'Verloop van 1e kwartaal 2025 tot 4e kwartaal 2025: van 0,61 naar 0,51',
    );
    expect(cards[0]?.querySelector('h4 a')?.getAttribute('href')).toBe('/uithoorn/indicatoren/winkeldiefstallen');
  });

  it("shows each task with its actions, the action's description and its latest progress", async () => {
    const harness = await openPage('/uithoorn/programmas/bestuur-en-organisatie');
    const actions = Array.from(harness.routeNativeElement?.querySelectorAll('koers-action-item') ?? []);

    const research = actions[0];
    expect(research?.querySelector('.description')?.textContent).toBe(
      '1. Onderzoek de bestuurskracht.\n2. Bespreek de uitkomsten met de raad.',
    );
    expect(textOf(research)).toContain('Soort: Nieuw Prioriteit: Nieuw beleid Eigenaar: Team Bestuursondersteuning');
    expect(textOf(research)).toContain('Einddatum: 31 december 2025');
    expect(textOf(research)).toContain(
      'Voortgang: Vertraagd — 40% gereed (4e kwartaal 2026) “Wacht op het rapport van de onderzoekers.”',
    );
    expect(textOf(actions[1])).toContain('Voortgang: Niet gerapporteerd — Nog geen voortgang over het 4e kwartaal 2026.');
    expect(pageText(harness)).toContain('Versterk de gemeentelijke organisatie. Nog geen acties.');
  });

  it('says an action not updated this quarter has not reported, unless it is done', async () => {
    const earlier = { quarter: '2026-Q3', percent: 60, comment: '', recordedAt: '2026-08-01T10:00:00.000Z' };
    koers.catalog.contents = {
      ...koers.catalog.contents,
      progress: {
        uithoorn: [
          { ...earlier, actionId: 'bestuurskrachtonderzoek', status: 'on_schedule' },
          { ...earlier, actionId: 'regionale-samenwerking', status: 'done', percent: 100 },
        ],
      },
    };
    const harness = await openPage('/uithoorn/programmas/bestuur-en-organisatie');
    const actions = Array.from(harness.routeNativeElement?.querySelectorAll('koers-action-item') ?? []);

    expect(textOf(actions[0])).toContain(
      'Voortgang: Op schema — 60% gereed volgens het 3e kwartaal 2026; nog niet gerapporteerd over het 4e kwartaal 2026',
    );
    expect(textOf(actions[1])).toContain('Voortgang: Gereed — 100% gereed (3e kwartaal 2026)');
  });

  it('keeps its headings in order: page, section, effect or task, indicator', async () => {
    const harness = await openPage('/uithoorn/programmas/veiligheid');
    const levels = Array.from(harness.routeNativeElement?.querySelectorAll('h1, h2, h3, h4') ?? []).map((heading) =>
      Number(heading.tagName.slice(1)),
    );

    expect(levels[0]).toBe(1);
    levels.forEach((level, index) => expect(level - (levels[index - 1] ?? 0)).toBeLessThanOrEqual(1));
  });

  it('says a program the municipality does not have does not exist, and where to go', async () => {
    const harness = await openPage('/uithoorn/programmas/sport');

    expect(harness.routeNativeElement?.querySelector('[role="alert"]')?.textContent).toContain(
      'Programma "sport" bestaat niet in de begroting van Uithoorn. Kies een programma in het overzicht.',
    );
  });
});
