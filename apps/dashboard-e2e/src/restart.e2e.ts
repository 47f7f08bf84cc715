import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from './support/koers-server';
import { signIn } from './support/session';

const scratch = mkdtempSync(join(tmpdir(), 'koers-restart-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Diemen's program titles, as a member of its college reads them (a session of the server at `baseUrl`). */
async function programTitles(baseUrl: string): Promise<string[]> {
  const { cookie } = await signIn(baseUrl, 'college@demo.koers.nl');
  const input = encodeURIComponent(JSON.stringify({ municipalityId: 'diemen' }));
  const body = (await (await fetch(`${baseUrl}/trpc/programs.list?input=${input}`, { headers: { cookie } })).json()) as {
    result: { data: { title: string }[] };
  };
  return body.result.data.map((program) => program.title);
}

describe('a restart', () => {
  it('keeps what was stored, without importing the demo twice', async () => {
    const databasePath = join(scratch, 'koers.duckdb');
    const first = await startServer({ databasePath });
    const before = await programTitles(first.baseUrl);
    await first.stop();

    const second = await startServer({ databasePath });
    const after = await programTitles(second.baseUrl);
    const secondOutput = second.output();
    await second.stop();

    expect(first.output()).toContain('Eerste start');
    expect(before).toContain('Samen besturen');
    expect(after).toEqual(before);
    expect(secondOutput).not.toContain('Eerste start');
  });
});
