import { readFile } from 'node:fs/promises';

/**
 * The resident memory of process `pid` in bytes, read from Linux's
 * `/proc/<pid>/status` (VmRSS); undefined where there is no such file (other
 * systems, or the process is gone). Reading it costs microseconds, so a
 * watchdog can sample it every few tens of milliseconds.
 */
export async function residentBytesOf(pid: number): Promise<number | undefined> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  const kibibytes = status === undefined ? undefined : /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  return kibibytes === undefined ? undefined : Number(kibibytes) * 1024;
}
