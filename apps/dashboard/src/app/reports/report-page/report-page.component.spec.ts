import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { RouterTestingHarness } from '@angular/router/testing';
import { sampleViewer } from '@koers/api/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type InMemoryKoers, inMemoryKoers } from '../../testing/in-memory-koers';
import { openPage, pageText, textOf } from '../../testing/page-text';

function element<T extends Element>(harness: RouterTestingHarness, selector: string): T {
  const found = harness.routeNativeElement?.querySelector<T>(selector);
  if (!found) throw new Error(`no element ${selector}`);
  return found;
}

function buttonNamed(harness: RouterTestingHarness, name: string): HTMLButtonElement {
  const found = Array.from(harness.routeNativeElement?.querySelectorAll('button') ?? []).find((button) => textOf(button) === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

function type(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  field.value = text;
  field.dispatchEvent(new Event('input'));
}

describe('ReportPageComponent', () => {
  let koers: InMemoryKoers;

  describe('for the college', () => {
    beforeEach(() => {
      koers = inMemoryKoers({ viewer: sampleViewer('college') });
      TestBed.configureTestingModule({ providers: [koers.providers] });
    });

    it('opens a draft on its exceptions, with the programs folded away', async () => {
      const harness = await openPage('/uithoorn/rapportages/2026-Q2');
      expect(element(harness, 'h1').textContent).toBe('Kwartaalrapportage 2e kwartaal 2026');
      expect(pageText(harness)).toContain('Concept , versie 1 — het concept volgt de actuele cijfers tot het wordt gepubliceerd.');
      const headings = Array.from(harness.routeNativeElement?.querySelectorAll('h2') ?? []).map((heading) => textOf(heading));
      expect(headings.slice(0, 2)).toEqual(['Uitzonderingen', "Programma's"]);
      const exceptions = Array.from(harness.routeNativeElement?.querySelectorAll('.exception h3') ?? []).map((heading) => textOf(heading));
      expect(exceptions).toEqual([
        'Effect: Het bestuur maakt binnen de beschikbare middelen keuzes die effect creëren.',
        'Actie: Uitwerken Bestuurskrachtonderzoek',
        'Effect: Minder winkeldiefstal en vernielingen',
      ]);
      const programs = Array.from(harness.routeNativeElement?.querySelectorAll<HTMLDetailsElement>('details.program') ?? []);
      expect(programs.length).toBe(2);
      expect(programs.every((details) => !details.open)).toBe(true);
      expect(buttonNamed(harness, 'Goedkeuren')).toBeTruthy();
    });

    it('refuses approval until each exception has cause, consequence and correction, then approves and publishes', async () => {
      const harness = await openPage('/uithoorn/rapportages');
      buttonNamed(harness, 'Rapportage 3e kwartaal 2026 openen').click();
      await vi.waitFor(() => expect(TestBed.inject(Router).url).toBe('/uithoorn/rapportages/2026-Q3'));
      await vi.waitFor(() => expect(element(harness, 'h1').textContent).toBe('Kwartaalrapportage 3e kwartaal 2026'));
      await vi.waitFor(() => buttonNamed(harness, 'Goedkeuren'));

      buttonNamed(harness, 'Goedkeuren').click();
      await vi.waitFor(() => expect(element(harness, '[role="alert"]').textContent).toContain('De rapportage kan nog niet worden goedgekeurd: 3 uitzonderingen missen een toelichting.'));

      const forms = Array.from(harness.routeNativeElement?.querySelectorAll('.exception form') ?? []);
      expect(forms.length).toBe(3);
      for (const [index, form] of forms.entries()) {
        const fields = Array.from(form.querySelectorAll('textarea'));
        type(fields[0] as HTMLTextAreaElement, `Oorzaak ${index}.`);
        type(fields[1] as HTMLTextAreaElement, `Gevolg ${index}.`);
        type(fields[2] as HTMLTextAreaElement, `Bijsturing ${index}.`);
        (form.querySelector('button[type="submit"]') as HTMLButtonElement).click();
        await vi.waitFor(() => expect(koers.reports.audit.filter((entry) => entry.startsWith('report_explanation:save:2026-Q3')).length).toBe(index + 1));
      }
      await vi.waitFor(() => expect(pageText(harness)).not.toContain('Nog niet volledig toegelicht'));

      buttonNamed(harness, 'Goedkeuren').click();
      await vi.waitFor(() => expect(pageText(harness)).toContain('De rapportage is goedgekeurd.'));
      await vi.waitFor(() => buttonNamed(harness, 'Publiceren aan de raad').click());
      await vi.waitFor(() => expect(pageText(harness)).toContain('Gepubliceerd aan de raad , versie 1'));
      expect(koers.reports.audit.filter((entry) => entry.startsWith('report:'))).toEqual(['report:open:2026-Q3', 'report:approve:2026-Q3', 'report:publish:2026-Q3']);
      // Published, the programs read unfolded, and the explanations are shown as written.
      expect(Array.from(harness.routeNativeElement?.querySelectorAll<HTMLDetailsElement>('details.program') ?? []).every((details) => details.open)).toBe(true);
      expect(pageText(harness)).toContain('Oorzaak Oorzaak 0. Gevolg Gevolg 0. Bijsturing Bijsturing 0.');
    });
  });

  describe('for a council member', () => {
    beforeEach(() => {
      koers = inMemoryKoers({ viewer: sampleViewer('council') });
      TestBed.configureTestingModule({ providers: [koers.providers] });
    });

    it('reads a corrected report: the reason, both versions, what changed, the comparison, motions and questions', async () => {
      const harness = await openPage('/uithoorn/rapportages/2025-Q4');
      const text = pageText(harness);
      expect(text).toContain('Gepubliceerd aan de raad , versie 2');
      expect(text).toContain('Reden van de correctie: De toelichting is aangevuld na de raadsvergadering.');
      expect(textOf(element(harness, 'nav[aria-label="Versies van deze rapportage"]'))).toContain('Versie 1');
      expect(textOf(element(harness, '[aria-labelledby="wijzigingen-titel"]'))).toContain('Gewijzigd ten opzichte van versie 1');
      expect(textOf(element(harness, '[aria-labelledby="vergelijking-titel"]'))).toContain('Winkeldiefstallen per 1.000 inwoners: Risico → Op koers');
      expect(textOf(element(harness, '[aria-labelledby="moties-titel"]'))).toContain('Toezegging T2025-03: Woo-verzoeken binnen de termijn');
      expect(textOf(element(harness, '[aria-labelledby="vragen-titel"]'))).toContain('Antwoord van Proef college: Met zorg om de Woo-termijnen.');
      expect(harness.routeNativeElement?.querySelector('.exception form')).toBeNull();
      expect(Array.from(harness.routeNativeElement?.querySelectorAll('.exports a') ?? []).map((link) => link.getAttribute('href'))).toEqual([
        '/api/uithoorn/reports/2025-Q4.pdf?version=2',
        '/api/uithoorn/reports/2025-Q4.xlsx?version=2',
        '/api/uithoorn/reports/2025-Q4.csv?version=2',
      ]);
      expect(() => buttonNamed(harness, 'Goedkeuren')).toThrow();
      const chart = element(harness, 'koers-sparkline svg');
      expect(chart.getAttribute('aria-label')).toMatch(/^Verloop van /);

      await harness.navigateByUrl('/uithoorn/rapportages/2025-Q4?versie=1');
      await vi.waitFor(() => expect(pageText(harness)).toContain('Gepubliceerd aan de raad , versie 1'));
      expect(pageText(harness)).not.toContain('Reden van de correctie');
    });

    it('asks a question on a published report, which the college then answers', async () => {
      const harness = await openPage('/uithoorn/rapportages/2025-Q3');
      type(element<HTMLTextAreaElement>(harness, 'form.ask textarea'), 'Waarom daalt het percentage Woo-verzoeken binnen de termijn?');
      buttonNamed(harness, 'Vraag stellen').click();
      await vi.waitFor(() => expect(pageText(harness)).toContain('Uw vraag is gesteld.'));
      expect(textOf(element(harness, '[aria-labelledby="vragen-titel"]'))).toContain('Waarom daalt het percentage Woo-verzoeken binnen de termijn? Nog niet beantwoord.');
      expect(koers.reports.audit).toEqual(['report_question:ask:vraag-uithoorn-nieuw-1']);
    });

    it('says plainly when a report is not published', async () => {
      const harness = await openPage('/uithoorn/rapportages/2026-Q2');
      expect(element(harness, '[role="alert"]').textContent).toContain('Er is (nog) geen gepubliceerde rapportage over het 2e kwartaal 2026 van Uithoorn.');
    });
  });
});
