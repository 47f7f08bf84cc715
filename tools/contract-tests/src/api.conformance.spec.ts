// The server's /api/<id>/indicators.json against the real `koers compute --json`,
// field by field to 1e-9, for every demo municipality: the dashboard's numbers are the CLI's.
import type { IndicatorResult } from '@koers/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseComputeOutput, runKoers } from './cli/koers-runner';
import { breakdownOrderDifferencesOf, differencesOf } from './compare/result-comparison';
import { type ServerProcess, startServerProcess } from './server/koers-server-process';

const municipalities = ['uithoorn', 'hilversum', 'diemen'] as const;

describe('the server serves what koers compute --json prints', () => {
  let server: ServerProcess;

  let cookie: string;

  beforeAll(async () => {
    server = await startServerProcess();
    // The exports follow the rules of sign-in: a demo user of the data team reads every municipality.
    const signIn = await fetch(`${server.baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-koers-request': '1' },
      body: JSON.stringify({ email: 'data@demo.koers.nl', password: 'koers-demo' }),
    });
    expect(signIn.status).toBe(200);
    cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
  });

  for (const municipality of municipalities) {
    it(`for ${municipality}: every indicator, value, member, status and target, in the same order`, async () => {
      const cli = parseComputeOutput(await runKoers(['compute', `data/demo/${municipality}`, '--json']));
      const response = await fetch(`${server.baseUrl}/api/${municipality}/indicators.json`, { headers: { cookie } });
      expect(response.status).toBe(200);
      const api = (await response.json()) as { indicators: unknown[]; errors: unknown[] };

      if (api.indicators.length === 0) throw new Error(`the server stored no results for ${municipality}:\n${server.output()}`);
      expect(api.errors).toEqual(cli.errors);
      const expected = cli.indicators as IndicatorResult[];
      expect(expected.length).toBeGreaterThanOrEqual(20);
      expect(api.indicators.map((indicator) => (indicator as { id: string }).id)).toEqual(expected.map((indicator) => indicator.id));
      const differences = expected.flatMap((indicator, index) => [
        ...differencesOf(api.indicators[index], indicator),
        ...breakdownOrderDifferencesOf(api.indicators[index], indicator),
      ]);
      expect(differences).toEqual([]);
      // Not a comparison with itself: the CLI computed these numbers in a process of its own.
      const values = expected.flatMap((indicator) => indicator.values.length + Object.values(indicator.breakdown).flat().length);
      expect(values.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(1000);
    });
  }
});
