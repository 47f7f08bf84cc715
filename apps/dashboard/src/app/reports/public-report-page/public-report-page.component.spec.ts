import { TestBed } from '@angular/core/testing';
import { readPublicReport, toPublicReport } from '@koers/api';
import { beforeEach, describe, expect, it } from 'vitest';
import { KOERS_FETCH } from '../../session/auth-client';
import { type InMemoryKoers, inMemoryKoers } from '../../testing/in-memory-koers';
import { openPage, pageText } from '../../testing/page-text';

describe('PublicReportPageComponent', () => {
  let koers: InMemoryKoers;
  const asked: string[] = [];

  beforeEach(() => {
    // Nobody is signed in: the page reads the public JSON the way the server answers it.
    koers = inMemoryKoers({ viewer: null });
    const publicFetch: typeof fetch = async (input) => {
      const url = String(input);
      asked.push(url);
      const match = /^\/public\/([^/]+)\/reports\/([^/]+)\.json$/.exec(url);
      if (match === null) return new Response('{}', { status: 404 });
      const answer = await readPublicReport({ catalog: koers.catalog, reports: koers.reports, viewer: null, mode: 'demo' }, match[1] ?? '', match[2] ?? '');
      return answer.kind === 'found'
        ? new Response(JSON.stringify(toPublicReport(answer.body.snapshot, answer.body.versions)), { status: 200, headers: { 'content-type': 'application/json' } })
        : new Response(JSON.stringify({ error: answer.message }), { status: 404 });
    };
    TestBed.configureTestingModule({ providers: [koers.providers, { provide: KOERS_FETCH, useValue: publicFetch }] });
  });

  it('shows a public report without sign-in: its numbers per program and the link to the JSON', async () => {
    const harness = await openPage('/public/uithoorn/reports/2025-Q3');
    const text = pageText(harness);
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Kwartaalrapportage 3e kwartaal 2025 van Uithoorn');
    expect(text).toContain('versie 1, gepubliceerd op 20 oktober 2025 om 11:00');
    expect(text).toContain('Woo-verzoeken binnen de termijn Status: Risico 84% (3e kwartaal 2025)');
    expect(harness.routeNativeElement?.querySelector('a[href="/public/uithoorn/reports/2025-Q3.json"]')).not.toBeNull();
    expect(asked).toContain('/public/uithoorn/reports/2025-Q3.json');
  });

  it('reads a report that is not public exactly like one that does not exist', async () => {
    const harness = await openPage('/public/hilversum/reports/2025-Q3');
    const hidden = pageText(harness);
    await harness.navigateByUrl('/public/uithoorn/reports/2019-Q1');
    await harness.fixture.whenStable();
    const missing = pageText(harness);
    expect(hidden).toContain('Deze rapportage bestaat niet, of is niet openbaar.');
    expect(hidden.replace('3e kwartaal 2025', 'X')).toBe(missing.replace('1e kwartaal 2019', 'X'));
  });
});
