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

  beforeAll(async () => {
    server = await startServerProcess();
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
  });

  for (const municipality of municipalities) {
    it(`for ${municipality}: every indicator, value, member, status and target, in the same order`, async () => {
      const cli = parseComputeOutput(await runKoers(['compute', `data/demo/${municipality}`, '--json']));
      const response = await fetch(`${server.baseUrl}/api/${municipality}/indicators.json`);
      expect(response.status).toBe(200);
      const api = (await response.json()) as { indicators: unknown[]; errors: unknown[] };

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
