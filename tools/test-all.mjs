#!/usr/bin/env node
// `npm test`: every check a change must pass, on a fresh machine too. It first
// makes sure of what the tests need from the system (Debian's Chromium and the
// Roboto font for the browser tests, PostgreSQL for the persistence tests), then runs lint, typecheck and the unit
// tests of every project, then the end-to-end tests in a real browser.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const started = Date.now();

/** Debian packages the tests need, each with the file that shows it is installed. */
const systemPackages = [
  { name: 'chromium', installed: () => existsSync('/usr/bin/chromium') },
  { name: 'fonts-roboto', installed: () => existsSync('/usr/share/fonts/truetype/roboto') },
  // Only the server's binaries: the tests start a throwaway cluster of their own, never the system one.
  { name: 'postgresql', installed: () => existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').length > 0 },
  // pdftotext and pdftoppm: the server's test reads the reports' PDF back.
  { name: 'poppler-utils', installed: () => existsSync('/usr/bin/pdftoppm') },
];

function step(title, command, args) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

function ensureSystemPackages() {
  const missing = systemPackages.filter((pkg) => !pkg.installed()).map((pkg) => pkg.name);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    console.error(`The tests need Debian packages that are missing: ${missing.join(', ')}.`);
    console.error(`Install them once with: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  step('apt-get update', 'apt-get', ['update', '-qq']);
  step(`install ${missing.join(', ')}`, 'apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

ensureSystemPackages();
// Two cores: run two tasks at a time, not the default three. No cache: npm test
// always runs every check, so a green run says the code passes now.
step('lint, typecheck and unit tests', 'npx', ['nx', 'run-many', '-t', 'lint', 'typecheck', 'test', '--parallel=2', '--outputStyle=static', '--skip-nx-cache']);
step('end-to-end tests in Chromium', 'npx', ['nx', 'run', 'dashboard-e2e:e2e', '--outputStyle=static', '--skip-nx-cache']);
console.log(`\n✔ All checks passed in ${Math.round((Date.now() - started) / 1000)} s.`);
