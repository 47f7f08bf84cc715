import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temp folder for a test's database files; `remove()` deletes it and everything in it. */
export async function createTempFolder(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'koers-persistence-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
