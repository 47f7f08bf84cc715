import type { IndicatorResult, SourceDefinition, Workspace } from '@koers/domain';
import { quoteIdentifier, quoteString, quoteStringList, sourceTableName } from '@koers/kpi';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { repositoryRoot } from '../../../repository-root.mjs';
import { handWrittenSql } from '../hand-written/hand-written.sql';
import { type IndicatorValues, valueKey } from '../indicator-values';
import { alternate } from '../timing';
import { type Agreement, verifyAgreement } from '../verification';

const koers = join(repositoryRoot, 'bin/koers.mjs');
const script = fileURLToPath(new URL('./hand-written.script.mjs', import.meta.url));
const outputBytes = 512 * 1024 ** 2;

/** Both sides' wall times in milliseconds, process start to exit, and how far their results agree. */
export interface EndToEnd {
  readonly times: ReadonlyMap<string, readonly number[]>;
  readonly agreement: Agreement;
}

/** The side names of the end-to-end line. */
export const koersSide = 'koers compute';
export const scriptSide = 'hand-written DuckDB script';

/**
 * Runs `koers compute DIR --json` and a hand-written DuckDB script (a plain
 * Node script that loads the sources into tables and runs the one-scan
 * hand-written query of every indicator) each as its own process, `runs`
 * times in rotation after one run of each whose results are compared (1e-9).
 * Both read the same files from a warm page cache; the times include Node's
 * start, DuckDB's, loading, every query and printing the JSON.
 */
export async function runEndToEnd(workspace: Workspace, runs: number): Promise<EndToEnd> {
  const folder = await mkdtemp(join(tmpdir(), 'koers-bench-e2e-'));
  try {
    const job = join(folder, 'job.json');
    await writeFile(job, JSON.stringify(scriptJob(workspace)));
    const runKoers = async () => {
      const { stdout } = await promisify(execFile)(process.execPath, [koers, 'compute', workspace.root, '--json'], { maxBuffer: outputBytes });
      return JSON.parse(stdout) as { indicators: IndicatorResult[]; errors: unknown[] };
    };
    const runScript = async () => {
      const { stdout } = await promisify(execFile)(process.execPath, [script, job], { maxBuffer: outputBytes });
      return valuesOfScript(JSON.parse(stdout) as Record<string, unknown[][]>);
    };
    const [computed, byHand] = [await runKoers(), await runScript()];
    if (computed.errors.length > 0) throw new Error(`koers compute reported errors: ${JSON.stringify(computed.errors)}`);
    const agreement = verifyAgreement(computed.indicators, byHand);
    const times = await alternate(
      [
        { name: koersSide, run: runKoers },
        { name: scriptSide, run: runScript },
      ],
      runs,
    );
    return { times, agreement };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** What the script runs: a table per source (declared columns in their types), a query per indicator. */
function scriptJob(workspace: Workspace): { tables: Array<{ name: string; select: string }>; queries: Array<{ id: string; sql: string }> } {
  return {
    tables: workspace.sources.map((source) => ({ name: sourceTableName(source.id), select: loadSelect(workspace.root, source) })),
    queries: workspace.indicators.map((indicator) => ({ id: indicator.id, sql: handWrittenSql(indicator, 'one-scan') })),
  };
}

const duckdbTypes: Readonly<Record<string, string>> = { decimal: 'DECIMAL(38,10)' };

function loadSelect(root: string, source: SourceDefinition): string {
  const files = quoteStringList([join(root, source.path)]);
  const declared = Object.entries(source.columns ?? {}).map(([name, type]) => [name, duckdbTypes[type] ?? type.toUpperCase()] as const);
  const format = source.format ?? (/\.csv(\.gz|\.zst)?$/i.test(source.path) ? 'csv' : /\.(nd)?jsonl?(\.gz|\.zst)?$/i.test(source.path) ? 'json' : 'parquet');
  if (format === 'csv') {
    const types = declared.length === 0 ? '' : `, types = {${declared.map(([name, type]) => `${quoteString(name)}: ${quoteString(type)}`).join(', ')}}`;
    return `SELECT * FROM read_csv(${files}${types})`;
  }
  const casts = declared.map(([name, type]) => `CAST(${quoteIdentifier(name)} AS ${type}) AS ${quoteIdentifier(name)}`);
  return `SELECT ${casts.length === 0 ? '*' : `* REPLACE (${casts.join(', ')})`} FROM ${format === 'json' ? 'read_json_auto' : 'read_parquet'}(${files})`;
}

function valuesOfScript(results: Record<string, unknown[][]>): Map<string, IndicatorValues> {
  return new Map(
    Object.entries(results).map(([id, rows]) => {
      const values: IndicatorValues = new Map();
      for (const [dimension, member, period, value] of rows) {
        values.set(valueKey(dimension === null ? null : String(dimension), member === null ? null : String(member), String(period)), value === null ? null : Number(value));
      }
      return [id, values];
    }),
  );
}
