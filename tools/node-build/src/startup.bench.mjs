#!/usr/bin/env node
// `npm run bench:startup [-- --rounds N] [-- --baseline DIR]`: how long Koers
// takes to start. Measures `koers --help`, `npx koers --help` and a second
// `npm start` until `/health` answers 200 (the database already made, the
// builds current). With `--baseline DIR` (another checkout of Koers, with its
// own `npm ci` done), each measurement runs there and here in turn, round after
// round, so both see the same load on a shared machine; medians are printed.
// The last line is the key figure: the median second start here.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repositoryRoot } from '../../repository-root.mjs';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '5' }, baseline: { type: 'string' } },
});
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds needs a positive whole number, got "${values.rounds}"`);

/** @typedef {{ label: string, root: string }} Checkout */
/** @type {Checkout[]} */
const checkouts = [{ label: 'this checkout', root: repositoryRoot }];
if (values.baseline !== undefined) checkouts.unshift({ label: 'baseline', root: resolve(values.baseline) });

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((done, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Seconds a command takes, its output discarded; throws when it fails.
 *
 * @param {string} root
 * @param {string} command
 * @param {string[]} args
 */
function timeCommand(root, command, args) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${root} (exit ${result.status})`);
  return (performance.now() - started) / 1000;
}

/**
 * Starts `npm start` in `root` and returns the seconds until `/health` answers
 * 200; then stops every process it started (SIGTERM to its process group) and
 * waits until they are gone, so the database is closed before the next start.
 *
 * @param {string} root
 * @returns {Promise<number>}
 */
async function timeStart(root) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start'], { cwd: root, detached: true, stdio: 'ignore', env: { ...process.env, PORT: String(port) } });
  const group = /** @type {number} */ (child.pid);
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start in ${root} stopped (exit ${child.exitCode}) before /health answered 200`);
      if (performance.now() - started > 180_000) throw new Error(`npm start in ${root}: no 200 from /health within 180 s`);
      const status = await fetch(`http://127.0.0.1:${port}/health`).then((response) => response.status, () => 0);
      if (status === 200) return (performance.now() - started) / 1000;
      await new Promise((wait) => setTimeout(wait, 20));
    }
  } finally {
    process.kill(-group, 'SIGTERM');
    while (isAlive(group)) await new Promise((wait) => setTimeout(wait, 50));
  }
}

/** @param {number} group */
function isAlive(group) {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

/** @param {number[]} numbers */
function median(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * The measurements, each a function of a checkout. `koers` is the command as
 * npm links it (node_modules/.bin); a checkout without that link runs the bin
 * of its package.json, as npx would.
 *
 * @type {{ name: string, measure: (checkout: Checkout) => number | Promise<number> }[]}
 */
const measurements = [
  {
    name: 'koers --help',
    measure: ({ root }) => {
      const linked = join(root, 'node_modules/.bin/koers');
      return existsSync(linked) ? timeCommand(root, linked, ['--help']) : timeCommand(root, process.execPath, ['bin/koers.mjs', '--help']);
    },
  },
  { name: 'npx koers --help', measure: ({ root }) => timeCommand(root, 'npx', ['koers', '--help']) },
  { name: 'second npm start to /health 200', measure: ({ root }) => timeStart(root) },
];

console.log(`load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}; ${rounds} rounds`);
for (const checkout of checkouts) {
  process.stdout.write(`warming up ${checkout.label} (${checkout.root}): a first npm start builds what is missing ... `);
  await timeStart(checkout.root);
  console.log('done');
}

/** @type {Map<string, number[]>} */
const results = new Map();
for (let round = 1; round <= rounds; round++) {
  for (const { name, measure } of measurements) {
    for (const checkout of checkouts) {
      const seconds = await measure(checkout);
      const key = `${name} | ${checkout.label}`;
      results.set(key, [...(results.get(key) ?? []), seconds]);
    }
  }
  console.log(`round ${round} done (load ${loadavg()[0]?.toFixed(2)})`);
}

for (const [key, seconds] of results) {
  console.log(`${key.padEnd(52)} median ${median(seconds).toFixed(2)} s  (${seconds.map((value) => value.toFixed(2)).join(' ')})`);
}
console.log(`load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
console.log(`second npm start to /health 200: ${median(results.get('second npm start to /health 200 | this checkout') ?? []).toFixed(2)} s (median)`);
