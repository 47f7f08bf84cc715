// The hand-written side of the end-to-end line of `npm run bench:kpi`: what a
// person writes without Koers. One plain Node script, its own process: open
// DuckDB, load each source into a table, run each indicator's hand-written
// query, print the rows as JSON. Usage: node hand-written.script.mjs JOB.json
// (JOB: { tables: [{ name, select }], queries: [{ id, sql }] }, written by end-to-end.runner.ts).
import { DuckDBInstance } from '@duckdb/node-api';
import { readFile } from 'node:fs/promises';

const job = JSON.parse(await readFile(process.argv[2], 'utf8'));
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
for (const { name, select } of job.tables) await connection.run(`CREATE TABLE "${name}" AS ${select}`);
const results = {};
for (const { id, sql } of job.queries) {
  const reader = await connection.runAndReadAll(sql);
  results[id] = reader.getRowsJson();
}
process.stdout.write(JSON.stringify(results));
connection.closeSync();
instance.closeSync();
