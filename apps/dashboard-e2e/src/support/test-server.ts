import { type RunningServer, startServer } from './koers-server';

/**
 * The server the browser tests run against: a fresh real Koers server, or the
 * one already running at `KOERS_E2E_BASE_URL` (to look at a page while
 * changing it; nothing is started or stopped then).
 */
export async function serverForTests(): Promise<Pick<RunningServer, 'baseUrl' | 'stop'> & { output(): string | null }> {
  const running = process.env['KOERS_E2E_BASE_URL'];
  // What a server started elsewhere printed is not known here.
  if (running) return { baseUrl: running.replace(/\/$/, ''), stop: async () => undefined, output: () => null };
  return startServer();
}

/**
 * Waits until the server has computed the indicators of `municipalityId` (its
 * overview, asked in the session `cookie`, says it has results): the demo
 * computes in the background after the server starts.
 */
export async function waitForResults(baseUrl: string, cookie: string, municipalityId: string, timeoutMilliseconds = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMilliseconds;
  const input = encodeURIComponent(JSON.stringify({ municipalityId }));
  let last = '';
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/trpc/overview.get?input=${input}`, { headers: { cookie } });
    last = await response.text();
    if (response.ok && (JSON.parse(last) as { result: { data: { computation: { hasResults: boolean } } } }).result.data.computation.hasResults) {
      return;
    }
    await new Promise((wait) => setTimeout(wait, 1_000));
  }
  throw new Error(`${municipalityId} had no computed indicators within ${timeoutMilliseconds / 1000} s; last answer: ${last.slice(0, 500)}`);
}
