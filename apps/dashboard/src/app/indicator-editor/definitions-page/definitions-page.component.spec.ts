import { TestBed } from '@angular/core/testing';
import { InMemoryIndicatorEditor, sampleCatalogContents, sampleViewer } from '@koers/api/testing';
import type { DefinitionsImportOutcome } from '@koers/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { inMemoryKoers } from '../../testing/in-memory-koers';
import { openPage, pageText, textOf } from '../../testing/page-text';
import { DefinitionsTransfer } from '../definitions-transfer';

/** The zip routes as the server answers them, without a server: what was sent, and the next answer. */
class RecordingTransfer extends DefinitionsTransfer {
  readonly sent: { municipalityId: string; apply: boolean }[] = [];
  answer: DefinitionsImportOutcome = { kind: 'checked', check: { problems: [], skipped: [], changes: { added: [], changed: [], removed: [] } } };
  override async send(municipalityId: string, _zip: Blob, apply: boolean): Promise<DefinitionsImportOutcome> {
    this.sent.push({ municipalityId, apply });
    return apply ? { ...this.answer, kind: 'applied' } : this.answer;
  }
}

async function chooseZip(page: Element | null): Promise<void> {
  const input = page?.querySelector('input[type="file"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([new Uint8Array([0x50, 0x4b])], 'uithoorn.zip', { type: 'application/zip' })] });
  input.dispatchEvent(new Event('change'));
}

describe('DefinitionsPageComponent', () => {
  let transfer: RecordingTransfer;

  beforeEach(() => {
    transfer = new RecordingTransfer();
    const koers = inMemoryKoers({ viewer: sampleViewer('data_team'), indicatorEditor: new InMemoryIndicatorEditor(sampleCatalogContents()) });
    TestBed.configureTestingModule({ providers: [koers.providers, { provide: DefinitionsTransfer, useValue: transfer }] });
  });

  it('lists the definitions to edit, offers a new one and the export, with the data files when asked', async () => {
    const harness = await openPage('/uithoorn/definities');
    const page = harness.routeNativeElement;
    expect(pageText(harness)).toContain('Winkeldiefstallen per 1.000 inwoners indicators/winkeldiefstallen.yaml');
    expect(page?.querySelector('a[href="/uithoorn/definities/nieuw"]')?.textContent?.trim()).toBe('Nieuwe indicator');
    const exportLink = () => Array.from(page?.querySelectorAll('a') ?? []).find((link) => link.textContent?.includes('Exporteren'));
    expect(exportLink()?.getAttribute('href')).toBe('/api/uithoorn/definitions.zip');
    (page?.querySelector('input[type="checkbox"]') as HTMLInputElement).click();
    await harness.fixture.whenStable();
    expect(exportLink()?.getAttribute('href')).toBe('/api/uithoorn/definitions.zip?data=1');
  });

  it('shows every problem of an imported zip per file, with line and field, before anything is applied', async () => {
    transfer.answer = {
      kind: 'checked',
      check: {
        problems: [
          { file: 'indicators/overhead.yaml', line: 6, field: 'grain', message: 'must be one of month, quarter, year, found "week"' },
          { file: 'indicators/overhead.yaml', line: 9, field: 'targets.26', message: 'target years must be calendar years' },
          { file: 'uithoorn/../../evil.yaml', message: 'het pad verlaat de map (".."): alleen paden binnen de werkruimtemap zijn toegestaan' },
        ],
        skipped: [],
        changes: { added: [], changed: ['indicators/overhead.yaml'], removed: [] },
      },
    };
    const harness = await openPage('/uithoorn/definities');
    await chooseZip(harness.routeNativeElement);
    await harness.fixture.whenStable();

    const text = pageText(harness);
    expect(text).toContain('De zip kan niet worden geïmporteerd: 3 problemen');
    const files = Array.from(harness.routeNativeElement?.querySelectorAll('.problems ul.files > li') ?? []).map((item) => textOf(item));
    expect(files).toEqual([
      'indicators/overhead.yaml regel 6, grain: must be one of month, quarter, year, found "week" regel 9, targets.26: target years must be calendar years',
      'uithoorn/../../evil.yaml het pad verlaat de map (".."): alleen paden binnen de werkruimtemap zijn toegestaan',
    ]);
    expect(text).toContain('Er is niets veranderd.');
    expect(Array.from(harness.routeNativeElement?.querySelectorAll('button') ?? []).some((button) => button.textContent?.trim() === 'Importeren')).toBe(false);
    expect(transfer.sent).toEqual([{ municipalityId: 'uithoorn', apply: false }]);
  });

  it('applies a zip that is in order only when asked, after showing what changes', async () => {
    transfer.answer = { kind: 'checked', check: { problems: [], skipped: ['data/misdrijven.csv'], changes: { added: ['indicators/nieuw.yaml'], changed: [], removed: [] } } };
    const harness = await openPage('/uithoorn/definities');
    await chooseZip(harness.routeNativeElement);
    await harness.fixture.whenStable();
    expect(pageText(harness)).toContain('Nieuw: indicators/nieuw.yaml Gewijzigd: geen Verwijderd: geen Niet ingelezen (geen definitie): data/misdrijven.csv');

    const apply = Array.from(harness.routeNativeElement?.querySelectorAll('button') ?? []).find((button) => button.textContent?.trim() === 'Importeren');
    apply?.click();
    await harness.fixture.whenStable();
    expect(transfer.sent).toEqual([
      { municipalityId: 'uithoorn', apply: false },
      { municipalityId: 'uithoorn', apply: true },
    ]);
    expect(pageText(harness)).toContain('De definities zijn geïmporteerd; de indicatoren worden opnieuw berekend.');
  });
});
