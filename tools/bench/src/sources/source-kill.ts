// `npm run chaos:refresh`: `kill -9` of the real server (as `npm start` runs it) in the middle of a
// source refresh, 20 times at random moments. After each restart the source must serve the old or the
// new version, never a mix: the workspace's file, the version the latest computation read, the lineage
// of every stored indicator and the stored values must all be one version's. Prints what it saw per
// round; exits 1 on a mix, 2 when it ran out of time.
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type KoersProcess, signInAs, sleep, startKoers, trpc } from '../koers-process';
import { misdrijvenCsv, writeScratch } from './source-scratch';

interface Options {
  readonly rounds: number;
  readonly rows: number;
  readonly seed: number;
  readonly budgetMs: number;
}

function optionsOf(argv: readonly string[]): Options {
  const value = (name: string, fallback: number) => {
    const index = argv.indexOf(`--${name}`);
    const text = index >= 0 ? argv[index + 1] : undefined;
    const number = text === undefined ? fallback : Number(text.replaceAll('_', ''));
    if (!Number.isFinite(number) || number <= 0) throw new Error(`--${name} must be a positive number, not "${text}"`);
    return number;
  };
  if (argv.includes('--help')) {
    console.log('npm run chaos:refresh [-- --rounds 20 --rows 300000 --seed <n> --minutes 30]');
    process.exit(0);
  }
  return { rounds: value('rounds', 20), rows: value('rows', 300_000), seed: value('seed', Date.now() % 1_000_000), budgetMs: value('minutes', 30) * 60_000 };
}

/** A small deterministic generator, so a round's kill moment can be replayed with `--seed`. */
function randomOf(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const indicatorIds = ['inbraken', 'winkeldiefstallen'] as const;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What serves, seen every way Koers records it. */
interface Observation {
  readonly fileSha: string;
  readonly servingSha: string | null;
  readonly lineageShas: readonly string[];
  readonly values: string;
  readonly lastJob: string;
}

async function observe(server: KoersProcess, cookie: string, workspaceFile: string): Promise<Observation> {
  const fileSha = sha256(await readFile(workspaceFile, 'utf8'));
  const source = await trpc<{ serving: { sha256: string } | null; jobs: { state: string; steps: { state: string }[]; problem: { message: string } | null }[] }>(
    server.baseUrl,
    cookie,
    'sources.get',
    { municipalityId: 'uithoorn', sourceId: 'misdrijven' },
  );
  const lineageShas: string[] = [];
  const values: unknown[] = [];
  for (const indicatorId of indicatorIds) {
    const detail = await trpc<{ series: unknown[]; lineage: { sources: { sourceId: string; fileHash: string }[] } | null }>(server.baseUrl, cookie, 'indicators.get', {
      municipalityId: 'uithoorn',
      indicatorId,
    });
    lineageShas.push(detail.lineage?.sources.find((read) => read.sourceId === 'misdrijven')?.fileHash ?? 'geen');
    values.push(detail.series);
  }
  const job = source.jobs[0];
  const lastJob = job === undefined ? 'geen' : `${job.steps.map((step) => step.state).join('→')}${job.problem ? ` (${job.problem.message.slice(0, 60)})` : ''}`;
  return { fileSha, servingSha: source.serving?.sha256 ?? null, lineageShas, values: JSON.stringify(values), lastJob };
}

async function main(): Promise<number> {
  const options = optionsOf(process.argv.slice(2));
  const deadline = Date.now() + options.budgetMs;
  const random = randomOf(options.seed);
  const versions = { old: misdrijvenCsv(options.rows, 1), new: misdrijvenCsv(options.rows, 2) };
  const shas = { old: sha256(versions.old), new: sha256(versions.new) };
  const nameOf = (sha: string) => (sha === shas.old ? 'oud' : sha === shas.new ? 'nieuw' : `onbekend ${sha.slice(0, 8)}`);
  console.log(`chaos:refresh: ${options.rounds} rounds, misdrijven ${options.rows} rows (${(versions.old.length / 1e6).toFixed(1)} MB per version), seed ${options.seed}`);
  const scratch = await writeScratch(options.rows);
  const workspaceFile = join(scratch, 'workspaces/uithoorn/data/misdrijven.csv');
  let server = await startKoers(scratch);
  let mixes = 0;
  try {
    await server.whenComputed(300_000);
    let cookie = await signInAs(server.baseUrl, 'data@demo.koers.nl');
    const token = (await trpc<{ secret: string }>(server.baseUrl, cookie, 'tokens.create', { name: 'chaos:refresh' }, 'mutation')).secret;
    const upload = (content: string) =>
      fetch(`${server.baseUrl}/api/uithoorn/sources/misdrijven/versions`, { method: 'POST', body: content, headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' } });

    // The values each version gives, and how long a whole refresh takes, from two clean refreshes.
    const expected = new Map<string, string>([[shas.old, (await observe(server, cookie, workspaceFile)).values]]);
    const started = performance.now();
    const clean = await upload(versions.new);
    if (clean.status !== 201) throw new Error(`a clean refresh answered ${clean.status}: ${await clean.text()}`);
    const refreshMs = performance.now() - started;
    expected.set(shas.new, (await observe(server, cookie, workspaceFile)).values);
    if (expected.get(shas.new) === expected.get(shas.old)) throw new Error('the two versions give the same values: the check could not tell them apart');
    console.log(`a clean refresh (upload, preview, load, computation) took ${(refreshMs / 1000).toFixed(1)} s; kills fall within 0–${((refreshMs * 1.2) / 1000).toFixed(1)} s of its start`);

    let serving = shas.new;
    for (let round = 1; round <= options.rounds; round += 1) {
      if (Date.now() > deadline) {
        console.log(`out of time after ${round - 1} rounds (--minutes ${options.budgetMs / 60_000})`);
        return 2;
      }
      const next = serving === shas.old ? versions.new : versions.old;
      const killAfterMs = Math.round(random() * refreshMs * 1.2);
      const request = upload(next).then(
        (response) => `${response.status}`,
        () => 'verbroken',
      );
      await sleep(killAfterMs);
      await server.kill9();
      const answer = await request;
      server = await startKoers(scratch);
      await server.whenComputed(300_000);
      cookie = await signInAs(server.baseUrl, 'data@demo.koers.nl');
      const seen = await observe(server, cookie, workspaceFile);
      const isKnown = expected.has(seen.fileSha);
      const isWhole =
        isKnown && seen.servingSha === seen.fileSha && seen.lineageShas.every((sha) => sha === seen.fileSha) && expected.get(seen.fileSha) === seen.values;
      if (!isWhole) mixes += 1;
      console.log(
        `round ${String(round).padStart(2)}: kill -9 after ${String(killAfterMs).padStart(5)} ms (upload answered: ${answer}); ` +
          `file ${nameOf(seen.fileSha)}, computation read ${seen.servingSha === null ? 'niets' : nameOf(seen.servingSha)}, ` +
          `lineage ${seen.lineageShas.map(nameOf).join('/')}, values of ${isKnown && expected.get(seen.fileSha) === seen.values ? nameOf(seen.fileSha) : 'NEITHER'}: ` +
          `${isWhole ? 'whole' : 'MIX'}; last job ${seen.lastJob}`,
      );
      serving = seen.fileSha;
    }
  } finally {
    await server.stop().catch(() => undefined);
    await rm(scratch, { recursive: true, force: true });
  }
  console.log(mixes === 0 ? `chaos:refresh: ${options.rounds} kills, every restart served one whole version` : `chaos:refresh: ${mixes} of ${options.rounds} restarts served a MIX`);
  return mixes === 0 ? 0 : 1;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  return 2;
});
