import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("the engine's process", () => {
  it('leaves within seconds when its parent is killed outright, even in the middle of a query DuckDB cannot interrupt', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'koers-engine-host-'));
    const entry = fileURLToPath(new URL('./engine-host.entry.ts', import.meta.url));
    const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
    // A parent as the server is one: forks the engine, opens a session, starts a query that runs for a minute.
    const parent = join(folder, 'parent.mjs');
    await writeFile(
      parent,
      `import { fork } from 'node:child_process';
const child = fork(${JSON.stringify(entry)}, [], { execArgv: ['--import', ${JSON.stringify(tsxLoader)}], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
child.on('exit', (code, signal) => console.log(JSON.stringify({ exited: code ?? signal })));
child.on('message', (reply) => {
  if (reply.id === 1) {
    child.send({ id: 2, method: 'select', args: ["SELECT levenshtein(repeat('a', 60000), repeat('b', 60000))"] });
    setTimeout(() => console.log(JSON.stringify({ pid: child.pid, opened: reply })), 500);
  }
  if (reply.id === 2) console.log(JSON.stringify({ selected: reply }));
});
child.send({ id: 1, method: 'open', args: [{ root: ${JSON.stringify(folder)} }] });
setInterval(() => undefined, 1000);
`,
    );
    const running = spawn(process.execPath, [parent], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const said: string[] = [];
      const enginePid = await new Promise<number>((resolve, reject) => {
        running.stdout.on('data', (chunk: Buffer) => {
          said.push(chunk.toString());
          const pid = /"pid":(\d+)/.exec(said.join(''))?.[1];
          if (pid !== undefined) resolve(Number(pid));
        });
        running.once('exit', () => reject(new Error(`the parent stopped before the engine answered: ${said.join('')}`)));
      });
      // Still at work on the query (what the parent saw so far, should it not be).
      expect({ isAlive: isAlive(enginePid), said: said.join('') }).toEqual({ isAlive: true, said: expect.not.stringContaining('exited') });

      running.kill('SIGKILL');
      const killedAt = Date.now();
      while (isAlive(enginePid) && Date.now() - killedAt < 10_000) await new Promise((wait) => setTimeout(wait, 100));

      expect(isAlive(enginePid)).toBe(false);
      expect(Date.now() - killedAt).toBeLessThan(5_000);
    } finally {
      running.kill('SIGKILL');
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
