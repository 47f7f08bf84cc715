import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type IndicatorResult } from '@koers/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCheckLines, parseComputeOutput, runKoers, type ComputeOutput, type KoersRun } from './cli/koers-runner';
import { breakdownOrderDifferencesOf, differencesOf } from './compare/result-comparison';
import { listFiles } from './fixtures/file-listing';
import { statusCases } from './fixtures/status-cases';
import { buildValidWorkspace } from './fixtures/valid-workspace.fixture';
import { computeReference, type ReferenceWorkspace } from './reference/reference-engine';

/**
 * `koers compute DIR --json` on a generated workspace against the reference
 * (plain DuckDB SQL written from WORKSPACE-FORMAT.md): every indicator, every
 * field, numbers to 1e-9 relative.
 */
describe('koers compute --json agrees with the contract on a valid workspace', () => {
  let root: string;
  let workspace: ReferenceWorkspace;
  let expected: Map<string, IndicatorResult>;
  let compute: KoersRun;
  let check: KoersRun;
  let output: ComputeOutput;
  let filesBefore: string[];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'koers-contract-valid-'));
    workspace = await buildValidWorkspace(root);
    filesBefore = listFiles(root);
    [expected, compute, check] = await Promise.all([
      computeReference(workspace),
      runKoers(['compute', root, '--json']),
      runKoers(['check', root]),
    ]);
    output = parseComputeOutput(compute);
  });

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('computes without errors and exits 0', () => {
    expect(output.errors).toEqual([]);
    expect(compute.exitCode).toBe(0);
  });

  it('checks clean: no problem lines, exit 0', () => {
    expect(parseCheckLines(check.stdout).filter((line) => line.path.startsWith('indicators/') || line.path.startsWith('sources/'))).toEqual([]);
    expect(check.exitCode).toBe(0);
  });

  it('returns exactly the workspace indicators, each once', () => {
    const ids = output.indicators.map((indicator) => (indicator as { id: unknown }).id);
    expect([...ids].sort()).toEqual(workspace.indicators.map((indicator) => indicator.id).sort());
  });

  it('writes nothing into the workspace', () => {
    expect(listFiles(root)).toEqual(filesBefore);
  });

  it('covers every status and the no-data and no-target cases in its fixture', () => {
    const statuses = new Set([...expected.values()].map((result) => result.status));
    expect([...statuses].sort()).toEqual(['at_risk', 'no_data', 'no_target', 'off_track', 'on_track']);
    expect(statusCases.length).toBeGreaterThan(10);
  });

  it('exercises the edge cases it claims (checked on the reference)', () => {
    const value = (id: string, period: string, dimension?: string, member?: string | null): number | null | undefined => {
      const result = expected.get(id);
      const rows = dimension ? result?.breakdown[dimension]?.filter((row) => row.member === member) : result?.values;
      return rows?.find((row) => row.period === period)?.value;
    };
    const district = "wijk's $deel";
    expect(value('afval-per-maand', '2024-05')).toBe(0); // count over an empty set
    expect(value('afval-bedrag-kwartaal', '2024-Q3')).toBeNull(); // sum over an empty set
    const north = expected.get('afval-per-maand')?.breakdown[district]?.filter((row) => row.member === 'Noord') ?? [];
    expect(north.length).toBeGreaterThan(3); // a member none of whose rows pass: 0 in every period it has rows
    expect(north.every((row) => row.value === 0)).toBe(true);
    expect(value('meldingen-per-1000', '2022-Q4')).toBeNull(); // before the first snapshot
    expect(value('meldingen-per-1000', '2024-Q1', district, 'Haven')).toBeNull(); // 0 on 2024-03-31 14:30 serves Q1
    expect(value('meldingen-per-1000', '2024-Q3', district, 'Haven')).toBeNull(); // 2024-10-02 does not serve Q3
    expect(value('meldingen-per-1000', '2024-Q4', district, 'Haven')).toBeGreaterThan(0);
    expect(expected.get('meldingen-per-1000')?.breakdown[district]?.filter((row) => row.member === 'Oost').every((row) => row.value === null)).toBe(true);
    expect(expected.get('meldingen-per-1000')?.breakdown[district]?.at(-1)?.member).toBeNull(); // the null member, last
    expect(value('afval-per-oudere', '2023-08')).toBeNull(); // zero denominator
    expect(value('postcode-telling', '2024', 'postcode', '0123')).toBeGreaterThan(0);
    expect(expected.get('kosten-per-stuk')?.values.length).toBeGreaterThan(4); // dd-mm-yyyy read as dates
    expect(value('aanmeldingen-per-inwoner', '2024-Q3', 'wijk', 'B')).toBe(2 / 200);
    expect(value('aanmeldingen-per-inwoner', '2024-Q3')).toBe(3 / 110); // three rows in Q3
    expect(expected.get('leeg-indicator')).toMatchObject({ status: 'no_data', values: [], breakdown: { wijk: [] } });
  });

  it('orders each breakdown by member (in the column type, null last), then period', () => {
    const differences = [...expected.values()].flatMap((reference) =>
      breakdownOrderDifferencesOf(output.indicators.find((indicator) => (indicator as { id: unknown }).id === reference.id), reference),
    );
    expect(differences).toEqual([]);
  });

  const ids = [
    'afval-per-maand', 'afval-bedrag-kwartaal', 'bedrag-gemiddeld-jaar', 'unieke-melders', 'bedrag-per-melding',
    'laagste-bedrag', 'hoogste-bedrag', 'meldingen-per-1000', 'afval-per-oudere', 'meldingen-per-100-jaar',
    'ritten-kwartaal', 'senior-afstand-maand', 'bezoekers-jaar', 'toegekende-aanvragen', 'doorlooptijd',
    'grootste-inschrijving', 'postcode-telling', 'kosten-per-stuk', 'leeg-indicator', 'puntkomma-in-tekst', 'commentaar',
    'aanmeldingen-per-inwoner',
    ...statusCases.map((item) => item.id),
  ];

  it.each(ids)('%s: every field equals the reference', (id) => {
    const reference = expected.get(id);
    if (!reference) throw new Error(`the reference has no indicator ${id}`);
    const actual = output.indicators.find((indicator) => (indicator as { id: unknown }).id === id);
    expect(actual, `koers did not compute ${id}`).toBeDefined();
    expect(differencesOf(actual, reference)).toEqual([]);
  });
});
