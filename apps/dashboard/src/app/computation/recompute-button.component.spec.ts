import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { sampleViewer } from '@koers/api/testing';
import type { ComputationView } from '@koers/domain';
import { describe, expect, it } from 'vitest';
import { inMemoryKoers } from '../testing/in-memory-koers';
import { openPage, pageText } from '../testing/page-text';
import { RecomputeButtonComponent } from './recompute-button.component';

const ready: ComputationView = { state: 'ready', hasResults: true, lastFinishedAt: '2026-11-30T08:00:00.000Z', error: null };

describe('RecomputeButtonComponent on the overview', () => {
  it('lets the data team ask for a computation now, and says it is under way', async () => {
    const koers = inMemoryKoers({ viewer: sampleViewer('data_team') });
    TestBed.configureTestingModule({ providers: [koers.providers] });
    const harness = await openPage('/uithoorn');

    await (await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(MatButtonHarness.with({ text: 'Nu opnieuw berekenen' }))).click();
    await harness.fixture.whenStable();

    expect(koers.commands.requests).toEqual([{ municipalityId: 'uithoorn', by: 'data_team@proef.koers.example' }]);
    const text = pageText(harness);
    expect(text).toContain('Aangevraagd: Koers rekent de indicatoren opnieuw uit. De cijfers verversen vanzelf.');
    expect(text).toContain('Koers rekent de indicatoren opnieuw uit. U ziet de cijfers van');
    expect(harness.routeNativeElement?.querySelector('koers-recompute-button button')?.getAttribute('aria-disabled')).toBe('true');
  });

  it('says why a request failed', async () => {
    const koers = inMemoryKoers({ viewer: sampleViewer('admin') });
    koers.commands.failure = new Error('queue full');
    TestBed.configureTestingModule({ providers: [koers.providers] });
    const harness = await openPage('/uithoorn');

    await (await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(MatButtonHarness.with({ text: 'Nu opnieuw berekenen' }))).click();
    await harness.fixture.whenStable();

    expect(harness.routeNativeElement?.querySelector('koers-recompute-button [role="status"]')?.textContent).toMatch(
      /^De berekening kon niet worden aangevraagd\. Er ging iets mis op de server \(foutcode [0-9a-f]{8}\)/,
    );
  });

  it('is not offered to a team lead', async () => {
    TestBed.configureTestingModule({ providers: [inMemoryKoers({ viewer: sampleViewer('team_lead') }).providers] });
    const harness = await openPage('/uithoorn');

    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('Uithoorn in één oogopslag');
    expect(harness.routeNativeElement?.querySelector('koers-recompute-button')).toBeNull();
  });
});

describe('RecomputeButtonComponent', () => {
  it('says when the computation it asked for has finished', async () => {
    const koers = inMemoryKoers({ viewer: sampleViewer('data_team') });
    TestBed.configureTestingModule({ providers: [koers.providers] });
    const fixture = TestBed.createComponent(RecomputeButtonComponent);
    fixture.componentRef.setInput('municipalityId', 'uithoorn');
    fixture.componentRef.setInput('computation', ready);
    await fixture.whenStable();
    const status = () => (fixture.nativeElement as HTMLElement).querySelector('[role="status"]')?.textContent?.trim();
    expect(status()).toBe('');

    (fixture.nativeElement as HTMLElement).querySelector('button')?.click();
    await fixture.whenStable();
    expect(status()).toBe('Aangevraagd: Koers rekent de indicatoren opnieuw uit. De cijfers verversen vanzelf.');

    fixture.componentRef.setInput('computation', { ...ready, state: 'running' });
    await fixture.whenStable();
    expect(status()).toBe('Aangevraagd: Koers rekent de indicatoren opnieuw uit. De cijfers verversen vanzelf.');

    fixture.componentRef.setInput('computation', { ...ready, lastFinishedAt: '2026-11-30T12:05:00.000Z' });
    await fixture.whenStable();
    expect(status()).toBe('Klaar: de indicatoren zijn opnieuw berekend (30 november 2026 om 13:05).');
  });
});
