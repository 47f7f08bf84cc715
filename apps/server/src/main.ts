import { isEngineHostProcess, serveEngineHost } from '@koers/kpi';
import { createKoersServer } from './koers.server';
import { readServerSettings } from './server.env';

// `npm start`: read the environment, answer on the port at once (503 while
// starting), prepare the database, and close it cleanly on Ctrl-C or SIGTERM.

// A source preview runs in the engine's own DuckDB process, which a bundled server starts by running
// this entry again (libs/kpi README, "The engine's process"): it serves the engine, and never returns.
if (isEngineHostProcess()) await serveEngineHost();

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let settings;
try {
  settings = readServerSettings(process.env);
} catch (error) {
  fail((error as Error).message);
}

const server = createKoersServer(settings);
const startedAt = performance.now();

let isStopping = false;
async function stop(signal: string): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  console.info(`${signal}: Koers stopt ...`);
  await server.close();
  process.exit(0);
}
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));

try {
  await server.listen();
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  fail(
    code === 'EADDRINUSE'
      ? `Port ${settings.port} on ${settings.host} is already in use: stop what uses it, or start with PORT=<another port>.`
      : `Could not listen on ${settings.host}:${settings.port}: ${(error as Error).message}`,
  );
}

try {
  await server.prepare();
  console.info(`Klaar in ${((performance.now() - startedAt) / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error((error as Error).message);
  await server.close().catch(() => undefined);
  process.exit(1);
}
