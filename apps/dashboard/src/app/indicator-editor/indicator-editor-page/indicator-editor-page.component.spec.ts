import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { type CatalogContents, finishedComputation, InMemoryIndicatorEditor, sampleCatalogContents, sampleViewer } from '@koers/api/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { inMemoryKoers } from '../../testing/in-memory-koers';
import { openPage, pageText } from '../../testing/page-text';

/** Types into a control as a person does, so the form sees it. */
function type(page: Element | null, label: string, value: string): void {
  const control = Array.from(page?.querySelectorAll('mat-form-field') ?? [])
    .find((field) => field.querySelector('mat-label')?.textContent?.trim() === label)
    ?.querySelector('input, select, textarea') as HTMLInputElement | HTMLSelectElement | null;
  if (!control) throw new Error(`no field "${label}"`);
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input'));
}

function button(page: Element | null, text: string): HTMLButtonElement {
  const found = Array.from(page?.querySelectorAll('button') ?? []).find((candidate) => candidate.textContent?.trim() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

describe('IndicatorEditorPageComponent', () => {
  let editor: InMemoryIndicatorEditor;
  let contents: CatalogContents;

  beforeEach(() => {
    // The computation of just the saved indicator, started after the save (the in-memory editor saves at 12:00:00).
    contents = {
      ...sampleCatalogContents(),
      computations: { uithoorn: [{ ...finishedComputation('uithoorn', '2026-11-30T12:00:03.000Z'), startedAt: '2026-11-30T12:00:01.000Z', indicatorIds: ['winkeldiefstallen'] }] },
    };
    editor = new InMemoryIndicatorEditor(contents);
    const koers = inMemoryKoers({ contents, viewer: sampleViewer('data_team'), indicatorEditor: editor });
    TestBed.configureTestingModule({ providers: [koers.providers] });
  });

  it('defines a new indicator from the pick lists and shows the dry run as a chart with a table, storing nothing', async () => {
    const harness = await openPage('/uithoorn/definities/nieuw');
    const page = harness.routeNativeElement;
    expect(page?.querySelector('h1')?.textContent).toBe('Nieuwe indicator');
    type(page, 'Naam van het bestand (id)', 'fietsendiefstallen');
    type(page, 'Titel', 'Fietsendiefstallen');
    type(page, 'Eenheid', 'aantal');
    type(page, 'Bron', 'misdrijven');
    await harness.fixture.whenStable();
    const time = Array.from(page?.querySelectorAll('select') ?? []).find((select) => select.textContent?.includes('Kies een datumkolom'));
    expect(Array.from(time?.options ?? []).map((option) => option.value)).toEqual(['', 'pleegdatum']);
    type(page, 'Tijdkolom', 'pleegdatum');
    type(page, 'Filter (optioneel)', "soort = 'fietsendiefstal'");

    button(page, 'Proefberekening').click();
    await harness.fixture.whenStable();

    expect(pageText(harness)).toContain('Proefberekening Berekend in 0 s op de gegevens van nu; er is niets opgeslagen.');
    expect(page?.querySelector('koers-chart [role="img"]')?.getAttribute('aria-label')).toContain('Lijndiagram van de proefberekening van Fietsendiefstallen (aantal)');
    expect(page?.querySelectorAll('table tbody tr').length).toBeGreaterThan(0);
    expect(editor.calls).toEqual([]);
  });

  it("starts a new indicator on the source a source's page asked for (?bron=), with that source's date columns", async () => {
    const harness = await openPage('/uithoorn/definities/nieuw?bron=misdrijven');
    await harness.fixture.whenStable();
    const page = harness.routeNativeElement;
    const source = Array.from(page?.querySelectorAll('mat-form-field') ?? [])
      .find((field) => field.querySelector('mat-label')?.textContent?.trim() === 'Bron')
      ?.querySelector('select');
    expect(source?.value).toBe('misdrijven');
    const time = Array.from(page?.querySelectorAll('select') ?? []).find((select) => select.textContent?.includes('Kies een datumkolom'));
    expect(Array.from(time?.options ?? []).map((option) => option.value)).toEqual(['', 'pleegdatum']);
  });

  it('shows each problem beside its field, with the Dutch hint, and points the control at it', async () => {
    editor.dryRunAnswer = (draft) => ({
      report: null,
      statuses: [],
      durationMs: 30,
      problems: [
        { file: `indicators/${draft.id}.yaml`, field: 'measure', message: "measure: calling read_csv is not allowed: it reads a file; write one SQL expression" },
        { file: `indicators/${draft.id}.yaml`, field: 'targets.26', line: 9, message: 'key "26": target years must be calendar years (for example 2025)' },
      ],
    });
    const harness = await openPage('/uithoorn/definities/nieuw');
    const page = harness.routeNativeElement;
    type(page, 'Meting (SQL-expressie)', "len(read_csv('/etc/passwd'))");
    button(page, 'Proefberekening').click();
    await harness.fixture.whenStable();

    const measure = Array.from(page?.querySelectorAll('input') ?? []).find((input) => input.value === "len(read_csv('/etc/passwd'))");
    expect(measure?.getAttribute('aria-invalid')).toBe('true');
    const described = (measure?.getAttribute('aria-describedby') ?? '').split(' ').map((id) => page?.querySelector(`#${id}`)?.textContent ?? '');
    expect(described.join(' ')).toContain('Bestanden lezen, tabelfuncties en opdrachten als COPY of DROP zijn niet toegestaan.');
    expect(page?.querySelector('#probleem-targets')?.textContent).toContain('kalenderjaar van vier cijfers');
    expect(page?.querySelector('#probleem-targets')?.textContent).toContain('(regel 9)');
  });

  it('edits an indicator from its file, saves from the version it read, and opens its page once computed', async () => {
    const harness = await openPage('/uithoorn/definities/winkeldiefstallen');
    const page = harness.routeNativeElement;
    expect(page?.querySelector('h1')?.textContent).toBe('Definitie van Winkeldiefstallen per 1.000 inwoners');
    const id = page?.querySelector('input[formcontrolname="id"]') as HTMLInputElement;
    expect(id.disabled).toBe(true);
    type(page, 'Titel', 'Winkeldiefstallen');

    button(page, 'Opslaan').click();
    await harness.fixture.whenStable();
    await expect.poll(() => TestBed.inject(Router).url).toBe('/uithoorn/indicatoren/winkeldiefstallen');
    expect(editor.calls).toEqual([
      expect.objectContaining({ kind: 'save', by: 'data_team@proef.koers.example', options: { isNew: false, baseVersion: 'v-winkeldiefstallen' }, draft: expect.objectContaining({ id: 'winkeldiefstallen', title: 'Winkeldiefstallen' }) }),
    ]);
  });
});
