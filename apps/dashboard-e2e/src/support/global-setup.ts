import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './koers-server';

/** Fails early, with the fix, when what the browser tests need is not there. */
export default function checkPrerequisites(): void {
  const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    throw new Error(`Chromium is not installed at ${chromium}: run \`apt-get install -y chromium\` (npm test does this for you).`);
  }
  if (!existsSync(join(workspaceRoot, 'dist/apps/dashboard/browser/index.html'))) {
    throw new Error('The dashboard is not built: run `npx nx run dashboard:build` (the e2e target depends on it).');
  }
}
