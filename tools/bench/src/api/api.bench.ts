// `npm run bench:api`: the overview procedure against a bare tRPC procedure that
// returns a constant of the same size, on the same real server in the same run,
// under a bounded load from 127.0.0.1. Last line: the throughput ratio (goal ≥ 0.5).
import autocannon from 'autocannon';
import { startBenchServer } from './server-process';

/** Connections, seconds per round and rounds per procedure (interleaved), each with a warm-up. */
const load = { connections: 50, seconds: 8, rounds: 2, warmUpSeconds: 2 } as const;

interface Figures {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly failures: number;
}

async function measure(url: string, seconds: number, headers: Record<string, string>): Promise<Figures> {
  const result = await autocannon({ url, connections: load.connections, duration: seconds, headers });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

function mean(figures: readonly Figures[]): Figures {
  const average = (pick: (figure: Figures) => number) => figures.reduce((sum, figure) => sum + pick(figure), 0) / figures.length;
  return {
    requestsPerSecond: average((figure) => figure.requestsPerSecond),
    p50: average((figure) => figure.p50),
    p99: average((figure) => figure.p99),
    failures: figures.reduce((sum, figure) => sum + figure.failures, 0),
  };
}

function line(name: string, figure: Figures): string {
  return `${name.padEnd(9)} ${figure.requestsPerSecond.toFixed(0).padStart(7)} req/s   p50 ${figure.p50.toFixed(1).padStart(6)} ms   p99 ${figure.p99.toFixed(1).padStart(6)} ms   failed ${figure.failures}`;
}

const server = await startBenchServer({ KOERS_BENCH: 'true' });
try {
  // Both procedures need a session: every request pays the session check, as a signed-in user's does.
  const signIn = await fetch(`${server.baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.baseUrl },
    body: JSON.stringify({ email: 'college@demo.koers.nl', password: 'koers-demo' }),
  });
  if (!signIn.ok) throw new Error(`signing in answered ${signIn.status}: ${await signIn.text()}`);
  const headers = { cookie: (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
  console.log(`server: /health after ${(server.startup.healthMs / 1000).toFixed(1)} s, demo computed after ${(server.startup.computedMs / 1000).toFixed(1)} s`);
  const overviewUrl = `${server.baseUrl}/trpc/overview.get?input=${encodeURIComponent(JSON.stringify({ municipalityId: 'uithoorn' }))}`;
  const overview = await fetch(overviewUrl, { headers });
  if (!overview.ok) throw new Error(`overview.get answered ${overview.status}: ${await overview.text()}`);
  const bytes = (await overview.arrayBuffer()).byteLength;
  // The bare answer's envelope (`{"result":{"data":…}}`) is the same as the overview's: ask for the data's size.
  const dataBytes = bytes - '{"result":{"data":}}'.length;
  const bareUrl = `${server.baseUrl}/trpc/bench.bare?input=${encodeURIComponent(JSON.stringify({ bytes: dataBytes }))}`;
  const bareBytes = (await (await fetch(bareUrl, { headers })).arrayBuffer()).byteLength;
  console.log(`answer size: overview ${bytes} bytes, bare ${bareBytes} bytes; ${load.connections} connections, ${load.rounds} × ${load.seconds} s each, interleaved`);

  await measure(overviewUrl, load.warmUpSeconds, headers);
  await measure(bareUrl, load.warmUpSeconds, headers);
  const overviewRounds: Figures[] = [];
  const bareRounds: Figures[] = [];
  for (let round = 0; round < load.rounds; round += 1) {
    overviewRounds.push(await measure(overviewUrl, load.seconds, headers));
    bareRounds.push(await measure(bareUrl, load.seconds, headers));
  }
  const overviewFigures = mean(overviewRounds);
  const bareFigures = mean(bareRounds);
  console.log(line('overview', overviewFigures));
  console.log(line('bare', bareFigures));
  if (overviewFigures.failures + bareFigures.failures > 0) throw new Error('some requests failed: the figures do not count');
  console.log(`overview/bare throughput ratio: ${(overviewFigures.requestsPerSecond / bareFigures.requestsPerSecond).toFixed(2)}`);
} finally {
  await server.stop();
}
