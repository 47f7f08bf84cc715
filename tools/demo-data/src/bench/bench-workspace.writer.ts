import { DuckDBInstance } from '@duckdb/node-api';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { benchCrimeKinds, benchIndicator } from './bench-indicators';

/** What to generate. */
export interface BenchWorkspaceOptions {
  readonly out: string;
  readonly rows: number;
  readonly indicators: number;
  readonly format: 'parquet' | 'csv';
}

/** What was generated, with how long the event source took. */
export interface BenchWorkspaceReport {
  readonly eventFile: string;
  readonly rows: number;
  readonly indicators: number;
  readonly eventMilliseconds: number;
}

const wijkCount = 20;
const sqlList = (items: readonly string[]) => `[${items.map((item) => `'${item}'`).join(', ')}]`;

/**
 * The event source as one DuckDB query over `range(N)`: every column is a
 * function of the row number through `hash(i, k)`, so the output is the same on
 * every run and 10 million rows take seconds. About 0.5% of rows have no wijk,
 * which exercises the `null` member of a breakdown.
 */
function eventQuery(rows: number): string {
  return `SELECT
    i + 1 AS incident_id,
    DATE '2021-01-01' + CAST(hash(i, 1) % 1826 AS INTEGER) AS pleegdatum,
    ${sqlList(benchCrimeKinds)}[1 + CAST(hash(i, 2) % ${benchCrimeKinds.length} AS BIGINT)] AS soort,
    CASE WHEN hash(i, 3) % 200 = 0 THEN NULL ELSE 'Wijk ' || lpad(CAST(1 + hash(i, 4) % ${wijkCount} AS VARCHAR), 2, '0') END AS wijk,
    ['politie', 'handhaving', 'melding'][1 + CAST(hash(i, 5) % 3 AS BIGINT)] AS categorie,
    CAST(hash(i, 6) % 2500 AS INTEGER) AS schade_euro,
    CAST(12 + hash(i, 7) % 60 AS INTEGER) AS leeftijd_dader,
    hash(i, 8) % 10 < 7 AS afgehandeld
  FROM range(${rows}) AS t(i)`;
}

/** The small population source: inhabitants and youngsters per wijk on 1 January of 2021..2025. */
function populationCsv(): string {
  const lines = ['peildatum,wijk,inwoners,jongeren'];
  for (let year = 2021; year <= 2025; year++)
    for (let wijk = 1; wijk <= wijkCount; wijk++) {
      const inhabitants = 4000 + ((wijk * 7919) % 9000) + (year - 2021) * 35 * wijk;
      lines.push(`${year}-01-01,Wijk ${String(wijk).padStart(2, '0')},${inhabitants},${Math.round(inhabitants * 0.19)}`);
    }
  return `${lines.join('\n')}\n`;
}

async function writeYaml(path: string, comment: string, body: unknown): Promise<void> {
  await writeFile(path, `# ${comment}\n${stringify(body)}`, 'utf8');
}

/** Writes a complete benchmark workspace (koers.yaml, sources, indicators, a program, data) under `options.out`. */
export async function writeBenchWorkspace(options: BenchWorkspaceOptions): Promise<BenchWorkspaceReport> {
  const root = resolve(options.out);
  for (const folder of ['sources', 'indicators', 'programs', 'data']) await mkdir(join(root, folder), { recursive: true });
  const note = 'Fictieve benchmarkgegevens, gemaakt door tools/demo-data (npm run demo-data -- --rows N).';
  await writeYaml(join(root, 'koers.yaml'), note, { municipality: 'Benchmark' });

  const eventFile = `data/incidenten.${options.format}`;
  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const target = join(root, eventFile).replaceAll("'", "''");
    const formatOption = options.format === 'parquet' ? '(FORMAT parquet)' : '(FORMAT csv, HEADER true)';
    await connection.run(`COPY (${eventQuery(options.rows)}) TO '${target}' ${formatOption}`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  const eventMilliseconds = Math.round(performance.now() - started);

  await writeYaml(join(root, 'sources', 'incidenten.yaml'), note, {
    title: 'Incidenten (benchmark)',
    path: eventFile,
    format: options.format,
    owner: 'Team Data Gedreven Werken',
    description: `Fictieve benchmarkgegevens: ${options.rows} incidenten, één rij per incident.`,
  });
  await writeFile(join(root, 'data', 'bevolking.csv'), populationCsv(), 'utf8');
  await writeYaml(join(root, 'sources', 'bevolking.yaml'), note, {
    title: 'Bevolking per wijk (benchmark)',
    path: 'data/bevolking.csv',
    description: 'Fictieve benchmarkgegevens: inwoners en jongeren per wijk op 1 januari.',
    columns: { peildatum: 'date', wijk: 'varchar', inwoners: 'integer', jongeren: 'integer' },
  });

  const indicators = Array.from({ length: options.indicators }, (_, index) => benchIndicator(index));
  for (const indicator of indicators) await writeYaml(join(root, 'indicators', `${indicator.id}.yaml`), note, indicator.body);
  await writeYaml(join(root, 'programs', 'benchmark.yaml'), note, {
    title: 'Benchmark',
    effects: [{ id: 'alle-indicatoren', title: 'Alle benchmarkindicatoren', indicators: indicators.map((indicator) => indicator.id) }],
  });
  return { eventFile, rows: options.rows, indicators: indicators.length, eventMilliseconds };
}
