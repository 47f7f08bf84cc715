// `npm run bench:upload`: streams a generated 1 GB CSV (made on the fly, never on disk here) through
// the scripts' upload route of the real server (as `npm start` runs it), while the server's resident
// memory is read from outside (/proc/<pid>/status) every 20 ms. Last line:
// `upload 1 GB: N MB peak RSS above idle, M MB/s` (goal: at most 300 MB).
import { rm } from 'node:fs/promises';
import { residentBytes, signInAs, sleep, startKoers, treeResidentBytes, trpc } from '../koers-process';
import { misdrijfRow, writeScratch } from './source-scratch';

const uploadBytes = 1_000_000_000;
/** The whole run may take this long; past it the bench stops with exit code 2. */
const budgetMs = 30 * 60_000;
const megabyte = 1_000_000;

/** A CSV body of at most `size` bytes of whole misdrijven rows (seed 3), made as it is read, in chunks of about 1 MiB. */
function generatedCsv(size: number, onSent: (bytes: number) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let sent = 0;
  let row = 0;
  let isHeaderSent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const lines: string[] = isHeaderSent ? [] : ['pleegdatum,soort,wijk\n'];
      isHeaderSent = true;
      let length = lines.join('').length;
      while (length < 1024 * 1024 && sent + length < size) {
        const line = misdrijfRow(row, 3);
        row += 1;
        lines.push(line);
        length += line.length;
      }
      let chunk = encoder.encode(lines.join(''));
      // The last chunk is cut on a line end, so the file ends with a whole row within `size`.
      if (sent + chunk.length >= size) {
        const text = lines.join('');
        const cut = text.lastIndexOf('\n', size - sent - 1) + 1;
        chunk = encoder.encode(text.slice(0, cut));
        controller.enqueue(chunk);
        sent += chunk.length;
        onSent(sent);
        controller.close();
        return;
      }
      controller.enqueue(chunk);
      sent += chunk.length;
      onSent(sent);
    },
  });
}

async function main(): Promise<number> {
  const deadline = Date.now() + budgetMs;
  const scratch = await writeScratch(10_000);
  const server = await startKoers(scratch);
  try {
    await server.whenComputed(300_000);
    const cookie = await signInAs(server.baseUrl, 'data@demo.koers.nl');
    const token = (await trpc<{ secret: string }>(server.baseUrl, cookie, 'tokens.create', { name: 'bench:upload' }, 'mutation')).secret;
    await sleep(2_000);
    const idle = (await residentBytes(server.pid)) ?? 0;
    // The server with its engine processes (preview, computation), to show where the rest of the work's memory goes.
    const treeIdle = await treeResidentBytes(server.pid);
    console.log(`server pid ${server.pid}: idle ${(idle / megabyte).toFixed(0)} MB resident after start-up and the first computation`);

    let peak = idle;
    let treePeak = treeIdle;
    let isSampling = true;
    const sampler = (async () => {
      while (isSampling) {
        peak = Math.max(peak, (await residentBytes(server.pid)) ?? 0);
        treePeak = Math.max(treePeak, await treeResidentBytes(server.pid));
        await sleep(20);
      }
    })();
    let bodySentAt = 0;
    let sentBytes = 0;
    const started = performance.now();
    const body = generatedCsv(uploadBytes, (bytes) => {
      sentBytes = bytes;
      if (bytes >= uploadBytes - 1024 * 1024) bodySentAt ||= performance.now();
    });
    const abort = AbortSignal.timeout(Math.max(1_000, deadline - Date.now()));
    const response = await fetch(`${server.baseUrl}/api/uithoorn/sources/misdrijven/versions`, {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      duplex: 'half',
      signal: abort,
    } as RequestInit);
    const answer = await response.text();
    const answeredAt = performance.now();
    isSampling = false;
    await sampler;
    if (response.status !== 201) throw new Error(`the upload answered ${response.status}: ${answer}`);
    const { rows, version } = JSON.parse(answer) as { rows: number; version: number };
    const streamSeconds = ((bodySentAt || answeredAt) - started) / 1000;
    const totalSeconds = (answeredAt - started) / 1000;
    console.log(`sent ${(sentBytes / megabyte).toFixed(0)} MB of CSV in ${streamSeconds.toFixed(1)} s; 201 after ${totalSeconds.toFixed(1)} s (preview, load and computation included): version ${version}, ${rows.toLocaleString('en')} rows`);
    console.log(`server resident memory: idle ${(idle / megabyte).toFixed(0)} MB, peak ${(peak / megabyte).toFixed(0)} MB`);
    console.log(`with its engine processes (preview, load, computation): idle ${(treeIdle / megabyte).toFixed(0)} MB, peak ${(treePeak / megabyte).toFixed(0)} MB`);
    const above = (peak - idle) / megabyte;
    console.log(`upload 1 GB: ${above.toFixed(0)} MB peak RSS above idle, ${(sentBytes / megabyte / streamSeconds).toFixed(0)} MB/s`);
    return above <= 300 ? 0 : 1;
  } finally {
    await server.stop().catch(() => undefined);
    await rm(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  return 2;
});
